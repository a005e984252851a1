// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "hits/HitCnn.h"

#include <dlib/dnn.h>

#include <QJsonObject>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <mutex>
#include <numeric>
#include <sstream>

namespace photopeak {

namespace {
using namespace dlib;
// Hits are thin (median 10 pixels) and anywhere within +-8 px of the centre: a stride-2 first layer keeps
// two-pixel tracks, the global max pool makes the features independent of where the hit sits (the previous
// 13 x 13 x 16 -> fc layer had to learn every position from a few hundred crops: 72.0 % on CREDO).
using Net = loss_multiclass_log<fc<2, relu<fc<32, max_pool_everything<relu<con<32, 3, 3, 1, 1,
                                max_pool<2, 2, 2, 2, relu<con<16, 5, 5, 2, 2, input<matrix<float>>>>>>>>>>>>;

// Grey levels / 255. Absolute brightness is kept on purpose: worms are brighter than tracks, and scaling each
// crop from its median to its maximum lost that (CREDO set, grouped CV: 68.3 % instead of 72.0 %).
matrix<float> toInput(const HitImage &im)
{
    matrix<float> m(im.height, im.width);
    for (int y = 0; y < im.height; ++y)
        for (int x = 0; x < im.width; ++x)
            m(y, x) = im.at(x, y) / 255.0f;
    return m;
}
} // namespace

struct HitCnn::Impl {
    mutable std::mutex mutex;
    mutable Net net;
};

QJsonObject HitCnnOptions::toJson() const
{
    return {{QStringLiteral("epochs"), epochs}, {QStringLiteral("batchSize"), batchSize},
            {QStringLiteral("learningRate"), learningRate}, {QStringLiteral("augment"), augment},
            {QStringLiteral("maxShift"), maxShift}, {QStringLiteral("minScale"), minScale},
            {QStringLiteral("maxScale"), maxScale}, {QStringLiteral("seed"), QString::number(seed)},
            {QStringLiteral("calibrationShare"), calibrationShare}};
}

QString HitCnn::architecture() { return QStringLiteral("con16x5s2-maxpool2-con32x3-globalmax-fc32-fck"); }

HitImage HitCnn::augment(const HitImage &im, const HitCnnOptions &o, std::mt19937_64 &rng)
{
    std::uniform_real_distribution<double> angle(0.0, 2.0 * 3.14159265358979323846);
    std::uniform_real_distribution<double> scale(o.minScale, o.maxScale);
    std::uniform_int_distribution<int> shift(-o.maxShift, o.maxShift);
    std::bernoulli_distribution flip(0.5);
    const double a = angle(rng), s = scale(rng);
    const int dx = shift(rng), dy = shift(rng);
    const bool mirror = flip(rng);
    const double c = std::cos(a) / s, sn = std::sin(a) / s;
    const double cx = (im.width - 1) * 0.5, cy = (im.height - 1) * 0.5;
    HitImage out(im.width, im.height);
    // Inverse map of every output pixel into the crop; outside the crop the nearest edge pixel (the sensor's
    // background level) is used, so no black borders appear that the network could learn from.
    for (int y = 0; y < im.height; ++y)
        for (int x = 0; x < im.width; ++x) {
            const double u = x - cx - dx, v = y - cy - dy;
            double sx = c * u + sn * v, sy = -sn * u + c * v;
            if (mirror)
                sx = -sx;
            sx = std::clamp(sx + cx, 0.0, im.width - 1.0);
            sy = std::clamp(sy + cy, 0.0, im.height - 1.0);
            const int x0 = std::min(int(sx), im.width - 2), y0 = std::min(int(sy), im.height - 2);
            const double fx = sx - x0, fy = sy - y0;
            const double g = (1 - fx) * (1 - fy) * im.at(x0, y0) + fx * (1 - fy) * im.at(x0 + 1, y0)
                             + (1 - fx) * fy * im.at(x0, y0 + 1) + fx * fy * im.at(x0 + 1, y0 + 1);
            out.at(x, y) = quint8(std::lround(g));
        }
    return out;
}

Result<HitCnn> HitCnn::train(const std::vector<const HitImage *> &images, const std::vector<int> &labels, int classes,
                             const HitCnnOptions &o, const JobControl *job)
{
    const QString who = QStringLiteral("CNN training");
    if (images.empty() || images.size() != labels.size() || classes < 2)
        return makeError(who, QStringLiteral("needs labelled crops of at least two classes"));
    const int size = images.front()->width;
    for (size_t i = 0; i < images.size(); ++i) {
        if (images[i]->width != size || images[i]->height != size)
            return makeError(who, QStringLiteral("crops of different sizes (%1 and %2)").arg(size).arg(images[i]->width));
        if (labels[i] < 0 || labels[i] >= classes)
            return makeError(who, QStringLiteral("label %1 outside 0..%2").arg(labels[i]).arg(classes - 1));
    }
    if (size < 12)
        return makeError(who, QStringLiteral("crops of %1 pixels are too small for the network").arg(size));

    std::srand(unsigned(o.seed));  // dlib seeds its layer initialisation from std::rand
    auto impl = std::make_shared<Impl>();
    Net &net = impl->net;
    layer<1>(net).layer_details().set_num_outputs(classes);
    dnn_trainer<Net, adam> trainer(net, adam(0.0005, 0.9, 0.999));
    trainer.set_learning_rate(o.learningRate);
    trainer.set_min_learning_rate(o.learningRate * 1e-3);
    trainer.set_mini_batch_size(size_t(o.batchSize));
    trainer.be_quiet();

    std::mt19937_64 rng(o.seed);
    std::vector<size_t> order(images.size());
    std::iota(order.begin(), order.end(), size_t(0));
    std::vector<matrix<float>> batch;
    std::vector<unsigned long> batchLabels;
    for (int epoch = 0; epoch < o.epochs; ++epoch) {
        if (JobControl::cancelled(job))
            return makeError(who, QStringLiteral("cancelled"));
        JobControl::report(job, epoch, o.epochs, QStringLiteral("CNN epoch %1").arg(epoch + 1));
        std::shuffle(order.begin(), order.end(), rng);
        for (size_t start = 0; start < order.size(); start += size_t(o.batchSize)) {
            batch.clear();
            batchLabels.clear();
            for (size_t k = start; k < std::min(order.size(), start + size_t(o.batchSize)); ++k) {
                const HitImage &im = *images[order[k]];
                batch.push_back(toInput(o.augment ? augment(im, o, rng) : im));
                batchLabels.push_back((unsigned long)labels[order[k]]);
            }
            trainer.train_one_step(batch, batchLabels);
        }
    }
    trainer.get_net();
    net.clean();
    HitCnn cnn;
    cnn.m_classes = classes;
    cnn.m_size = size;
    cnn.m_impl = std::move(impl);
    return cnn;
}

Result<FeatureMatrix> HitCnn::predict(const std::vector<const HitImage *> &images) const
{
    FeatureMatrix out(int(images.size()), m_classes);
    if (!m_impl)
        return makeError(QStringLiteral("CNN"), QStringLiteral("not trained"));
    std::lock_guard lock(m_impl->mutex);
    constexpr size_t kBatch = 64;
    std::vector<matrix<float>> batch;
    for (size_t start = 0; start < images.size(); start += kBatch) {
        batch.clear();
        for (size_t i = start; i < std::min(images.size(), start + kBatch); ++i) {
            if (images[i]->width != m_size || images[i]->height != m_size)
                return makeError(QStringLiteral("CNN"), QStringLiteral("crop %1 is %2 x %3 pixels; the network takes %4 x %4")
                                                            .arg(i).arg(images[i]->width).arg(images[i]->height).arg(m_size));
            batch.push_back(toInput(*images[i]));
        }
        // Softmax of the last layer's outputs (the loss layer's own output is only the arg max).
        m_impl->net.subnet()(batch.begin(), batch.end());
        const tensor &t = m_impl->net.subnet().get_output();
        const float *p = t.host();
        for (long r = 0; r < t.num_samples(); ++r) {
            const float *row = p + r * t.k();
            const float m = *std::max_element(row, row + t.k());
            double sum = 0.0;
            for (long c = 0; c < t.k(); ++c)
                sum += std::exp(double(row[c] - m));
            for (long c = 0; c < t.k(); ++c)
                out.at(int(start + size_t(r)), int(c)) = std::exp(double(row[c] - m)) / sum;
        }
    }
    return out;
}

QByteArray HitCnn::serialize() const
{
    std::ostringstream s;
    if (m_impl) {
        std::lock_guard lock(m_impl->mutex);
        dlib::serialize(m_impl->net, s);
    }
    const std::string bytes = s.str();
    return QByteArray(bytes.data(), qsizetype(bytes.size()));
}

Result<HitCnn> HitCnn::deserialize(const QByteArray &bytes, int classes, int size, const QString &source)
{
    auto impl = std::make_shared<Impl>();
    try {
        std::istringstream s(std::string(bytes.constData(), size_t(bytes.size())));
        dlib::deserialize(impl->net, s);
    } catch (const std::exception &e) {
        return makeError(source, QStringLiteral("network weights are damaged: %1").arg(QString::fromLocal8Bit(e.what()).simplified()));
    }
    if (long(layer<1>(impl->net).layer_details().get_num_outputs()) != classes)
        return makeError(source, QStringLiteral("network has %1 outputs, the model names %2 classes")
                                     .arg(layer<1>(impl->net).layer_details().get_num_outputs()).arg(classes));
    HitCnn cnn;
    cnn.m_classes = classes;
    cnn.m_size = size;
    cnn.m_impl = std::move(impl);
    return cnn;
}

} // namespace photopeak
