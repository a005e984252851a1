#include "io/radiacode/RadiacodeReader.h"

#include "io/FileBytes.h"
#include "io/radiacode/RadiacodeFormat.h"

namespace photopeak {

int RadiacodeReader::confidence(const QString &, qint64 fileSize, QByteArrayView head) const
{
    if (fileSize > radiacode::MaxFileSize)
        return 0;
    return radiacode::looksLikeRadiacodeXml(head) ? 100 : 0;
}

Result<std::vector<Spectrum>> RadiacodeReader::read(const QString &path) const
{
    QByteArray bytes;
    if (auto ok = readFileBytes(path, bytes, radiacode::MaxFileSize); !ok)
        return ok.error();
    return radiacode::parse(bytes, path);
}

} // namespace photopeak
