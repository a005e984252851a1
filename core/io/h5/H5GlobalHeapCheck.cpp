// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "io/h5/H5GlobalHeapCheck.h"

#include "spectrum/SpectrumProblem.h"

#include <QBuffer>
#include <QFile>
#include <QtEndian>

#include <cstring>

namespace photopeak {

namespace {
constexpr char Signature[] = "\x89HDF\r\n\x1a\n";
constexpr quint64 MinCollectionSize = 4096;  // HDF5 never makes a smaller collection (H5HG_MINSIZE)
constexpr qint64 Block = qint64(16) << 20;
constexpr qint64 MaxDescriptorBytes = qint64(256) << 20;

quint64 readUnsigned(const uchar *p, int bytes)
{
    quint64 v = 0;
    for (int i = bytes - 1; i >= 0; --i)
        v = (v << 8) | p[i];
    return v;
}

Error damaged(const QString &path, const QString &what)
{
    return makeError(path, QStringLiteral("HDF5 file is damaged: %1").arg(what), unsigned(SpectrumProblem::Unreadable));
}

// Walks the objects of one collection as HDF5's deserializer does; fills `objects`, or says what is wrong.
QString walkCollection(const QByteArray &chunk, int lengths, QHash<quint16, quint64> &objects)
{
    const quint64 size = quint64(chunk.size());
    const uchar *p = reinterpret_cast<const uchar *>(chunk.constData());
    const quint64 objectHeader = 8 + quint64(lengths);
    // HDF5 steps from object to object by the stored sizes: free space (index 0) smaller than its header
    // makes it loop forever, an object larger than the collection makes it copy past its buffer.
    quint64 pos = 8 + quint64(lengths);
    while (pos < size) {
        if (pos + objectHeader > size)
            break;  // a tail too small for an object header is free space
        const quint16 index = qFromLittleEndian<quint16>(p + pos);
        const quint64 objectSize = readUnsigned(p + pos + 8, lengths);
        const quint64 room = size - pos;
        if (index == 0) {
            if (objectSize < objectHeader || objectSize > room)
                return QStringLiteral("free space of %1 bytes does not fit the %2 bytes left").arg(objectSize).arg(room);
            pos += objectSize;
            continue;
        }
        const quint64 aligned = (objectSize + 7) & ~quint64(7);
        if (objectSize > room || objectHeader + aligned > room)
            return QStringLiteral("object %1 claims %2 bytes, more than the %3 bytes left in its collection")
                .arg(index)
                .arg(objectSize)
                .arg(room);
        objects.insert(index, objectSize);
        pos += objectHeader + aligned;
    }
    return {};
}
} // namespace

Result<H5GlobalHeapCheck> H5GlobalHeapCheck::scan(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(path, QStringLiteral("cannot be opened: %1").arg(file.errorString()),
                         unsigned(SpectrumProblem::Unreadable));
    return scanDevice(file, path);
}

Result<H5GlobalHeapCheck> H5GlobalHeapCheck::scanImage(const QByteArray &image, const QString &path)
{
    QBuffer buffer;
    buffer.setData(image);
    buffer.open(QIODevice::ReadOnly);
    auto scanned = scanDevice(buffer, path);
    if (scanned)
        scanned->m_image = image;
    return scanned;
}

Result<H5GlobalHeapCheck> H5GlobalHeapCheck::scanDevice(QIODevice &file, const QString &path)
{
    H5GlobalHeapCheck index;
    const qint64 fileSize = file.size();
    if (fileSize > MaxScannedBytes)
        return index;
    bool found = false;
    for (qint64 base = 0; base + 16 <= fileSize && !found; base = base == 0 ? 512 : base * 2) {
        file.seek(base);
        const QByteArray head = file.read(16);
        if (head.size() < 16 || std::memcmp(head.constData(), Signature, 8) != 0)
            continue;
        const bool old = static_cast<uchar>(head[8]) <= 1;
        index.m_sizeOfOffsets = static_cast<uchar>(head[old ? 13 : 9]);
        index.m_sizeOfLengths = static_cast<uchar>(head[old ? 14 : 10]);
        index.m_base = base;
        found = true;
    }
    auto validSize = [](int s) { return s == 2 || s == 4 || s == 8; };
    if (!found || !validSize(index.m_sizeOfOffsets) || !validSize(index.m_sizeOfLengths))
        return index;  // HDF5 itself says what is wrong with the superblock

    const int lengths = index.m_sizeOfLengths;
    // A collection starts with "GCOL", version 1 and three reserved zero bytes.
    static const QByteArray marker("GCOL\x01\x00\x00\x00", 8);
    for (qint64 start = 0; start < fileSize; start += Block - marker.size()) {
        file.seek(start);
        const QByteArray block = file.read(Block);
        for (qsizetype at = block.indexOf(marker); at >= 0; at = block.indexOf(marker, at + 1)) {
            const qint64 offset = start + at;
            file.seek(offset + 8);
            const QByteArray sizeBytes = file.read(lengths);
            if (sizeBytes.size() < lengths)
                continue;
            const quint64 size = readUnsigned(reinterpret_cast<const uchar *>(sizeBytes.constData()), lengths);
            if (size < MinCollectionSize)
                continue;  // not a collection header, just the same bytes inside other data
            if (size > quint64(fileSize - offset))
                return damaged(path, QStringLiteral("the string storage at byte %1 runs past the end of the file").arg(offset));
            file.seek(offset);
            QHash<quint16, quint64> objects;
            const QString problem = walkCollection(file.read(qint64(size)), lengths, objects);
            if (!problem.isEmpty())
                return damaged(path, QStringLiteral("the string storage at byte %1 is corrupt (%2)").arg(offset).arg(problem));
            index.m_objects.insert(quint64(offset - index.m_base), std::move(objects));
        }
        if (block.size() < Block)
            break;
    }
    index.m_scanned = true;
    return index;
}

Status H5GlobalHeapCheck::checkDescriptors(const QString &path, const QString &datasetPath, quint64 address,
                                           qint64 count) const
{
    if (!m_scanned || count <= 0)
        return Ok{};
    const qint64 width = 4 + m_sizeOfOffsets + 4;
    if (count > MaxDescriptorBytes / width)
        return Ok{};
    QFile disk(path);
    QBuffer memory;
    memory.setData(m_image);
    QIODevice &file = m_image.isEmpty() ? static_cast<QIODevice &>(disk) : memory;
    if (!file.open(QIODevice::ReadOnly) || !file.seek(m_base + qint64(address)))
        return damaged(path, QStringLiteral("dataset %1: its data lies outside the file").arg(datasetPath));
    const QByteArray raw = file.read(count * width);
    if (raw.size() < count * width)
        return damaged(path, QStringLiteral("dataset %1: its data runs past the end of the file").arg(datasetPath));
    const uchar *p = reinterpret_cast<const uchar *>(raw.constData());
    for (qint64 i = 0; i < count; ++i, p += width) {
        const quint32 length = qFromLittleEndian<quint32>(p);
        if (length == 0)
            continue;
        const quint64 collection = readUnsigned(p + 4, m_sizeOfOffsets);
        const quint32 object = qFromLittleEndian<quint32>(p + 4 + m_sizeOfOffsets);
        bool ok = false;
        if (const auto heap = m_objects.constFind(collection); heap != m_objects.constEnd() && object <= 0xffff) {
            const auto size = heap->constFind(quint16(object));
            ok = size != heap->constEnd() && *size >= length;
        }
        if (!ok)
            return damaged(path, QStringLiteral("dataset %1: element %2 points to string storage that does not exist "
                                                "or is too small")
                                     .arg(datasetPath)
                                     .arg(i));
    }
    return Ok{};
}

} // namespace photopeak
