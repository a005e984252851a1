// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "io/FileBytes.h"

#include "spectrum/SpectrumProblem.h"

#include <QFile>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace photopeak {

Status readFileBytes(const QString &path, QByteArray &into, qint64 maxBytes)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return makeError(path, QStringLiteral("cannot be opened: %1").arg(QString::fromLocal8Bit(std::strerror(errno))),
                         unsigned(SpectrumProblem::Unreadable));
    struct stat st {};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        ::close(fd);
        return makeError(path, QStringLiteral("is not a regular file"), unsigned(SpectrumProblem::Unreadable));
    }
    if (st.st_size > maxBytes) {
        ::close(fd);
        return makeError(path, QStringLiteral("%1 bytes is larger than this format allows (%2)").arg(st.st_size).arg(maxBytes),
                         unsigned(SpectrumProblem::Unreadable));
    }
    into.resize(static_cast<qsizetype>(st.st_size));
    qsizetype done = 0;
    while (done < into.size()) {
        const ssize_t got = ::read(fd, into.data() + done, static_cast<size_t>(into.size() - done));
        if (got < 0 && errno == EINTR)
            continue;
        if (got <= 0)
            break;
        done += got;
    }
    ::close(fd);
    into.resize(done);
    return Ok{};
}

} // namespace photopeak
