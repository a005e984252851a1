// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "images/PatchCnn.h"

#include "images/PatchFeatures.h"

#include <dlib/dnn.h>

#include <algorithm>
#include <cmath>
#include <mutex>
#include <random>
#include <sstream>

namespace photopeak {

namespace {
constexpr int Side = PatchFeatures::PatchSize;

using Net = dlib::loss_multiclass_log<
    dlib::fc<2,
    dlib::relu<dlib::fc<32,
    dlib::max_pool<2, 2, 2, 2, dlib::relu<dlib::con<16, 3, 3, 1, 1,
    dlib::max_pool<2, 2, 2, 2, dlib::relu<dlib::con<8, 3, 3, 1, 1,
    dlib::input<dlib::matrix<float>>>>>>>>>>>>;
using ProbabilityNet = dlib::softmax<Net::subnet_type>;

dlib::matrix<float> toMatrix(const float *patch)
{
    dlib::matrix<float> m(Side, Side);
    for (int r = 0; r < Side; ++r)
        for (int c = 0; c < Side; ++c)
            m(r, c) = patch[r * Side + c];
    return m;
}
} // namespace

struct PatchCnn::Impl {
    Net net;
    mutable ProbabilityNet probabilities;
    mutable std::mutex mutex;

    void prepare() { probabilities.subnet() = net.subnet(); }
};

PatchCnn::PatchCnn() : m_impl(std::make_unique<Impl>()) {}
PatchCnn::~PatchCnn() = default;

Result<std::shared_ptr<PatchCnn>> PatchCnn::train(const std::vector<float> &patches, const std::vector<int> &labels,
                                                  const std::vector<int> &rows, const Training &options,
                                                  const JobControl *job)
{
    std::vector<int> pos, neg;
    for (int r : rows)
        (labels[static_cast<size_t>(r)] == 1 ? pos : neg).push_back(r);
    if (pos.empty() || neg.empty())
        return makeError(QStringLiteral("CNN training"), QStringLiteral("needs peaks and non-peaks"));
    // Balanced: every negative once, positives repeated (in shuffled order) up to as many.
    std::mt19937_64 rng(options.seed);
    std::vector<int> order = neg;
    for (size_t k = 0; k < neg.size(); ++k)
        order.push_back(pos[k % pos.size()]);
    std::vector<dlib::matrix<float>> x;
    std::vector<unsigned long> y;
    x.reserve(order.size());
    for (int r : order) {
        x.push_back(toMatrix(patches.data() + static_cast<size_t>(r) * Side * Side));
        y.push_back(labels[static_cast<size_t>(r)] == 1 ? 1 : 0);
    }
    auto cnn = std::make_shared<PatchCnn>();
    dlib::dnn_trainer<Net, dlib::adam> trainer(cnn->m_impl->net, dlib::adam(0.0005, 0.9, 0.999));
    trainer.set_learning_rate(options.learningRate);
    trainer.set_min_learning_rate(options.learningRate * 1e-3);
    trainer.set_mini_batch_size(static_cast<unsigned long>(options.batch));
    trainer.be_quiet();
    std::vector<size_t> index(x.size());
    for (size_t i = 0; i < index.size(); ++i)
        index[i] = i;
    std::vector<dlib::matrix<float>> bx;
    std::vector<unsigned long> by;
    for (int epoch = 0; epoch < options.epochs; ++epoch) {
        if (JobControl::cancelled(job))
            return makeError(QStringLiteral("CNN training"), QStringLiteral("cancelled"));
        std::shuffle(index.begin(), index.end(), rng);
        for (size_t start = 0; start < index.size(); start += static_cast<size_t>(options.batch)) {
            bx.clear();
            by.clear();
            for (size_t k = start; k < std::min(index.size(), start + options.batch); ++k) {
                bx.push_back(x[index[k]]);
                by.push_back(y[index[k]]);
            }
            trainer.train_one_step(bx, by);
        }
        JobControl::report(job, epoch + 1, options.epochs, QStringLiteral("CNN epochs"));
    }
    trainer.get_net();  // waits for the trainer's thread to finish the last step
    cnn->m_impl->net.clean();
    cnn->m_impl->prepare();
    return cnn;
}

std::vector<double> PatchCnn::scores(const float *patches, size_t count) const
{
    std::vector<double> out(count, 0.0);
    if (count == 0)
        return out;
    std::vector<dlib::matrix<float>> x;
    x.reserve(count);
    for (size_t i = 0; i < count; ++i)
        x.push_back(toMatrix(patches + i * Side * Side));
    std::lock_guard lock(m_impl->mutex);
    constexpr size_t Batch = 256;
    for (size_t start = 0; start < count; start += Batch) {
        const size_t end = std::min(count, start + Batch);
        const dlib::tensor &t = m_impl->probabilities(x.begin() + start, x.begin() + end);
        const float *h = t.host();
        for (size_t i = start; i < end; ++i) {
            const double p0 = std::max(1e-12, double(h[(i - start) * 2])), p1 = std::max(1e-12, double(h[(i - start) * 2 + 1]));
            out[i] = std::log(p1 / p0);
        }
    }
    return out;
}

QByteArray PatchCnn::serialize() const
{
    std::ostringstream os;
    dlib::serialize(m_impl->net, os);
    const std::string s = os.str();
    return QByteArray(s.data(), static_cast<qsizetype>(s.size()));
}

Result<std::shared_ptr<PatchCnn>> PatchCnn::deserialize(const QByteArray &bytes, const QString &source)
{
    auto cnn = std::make_shared<PatchCnn>();
    try {
        std::istringstream is(std::string(bytes.constData(), static_cast<size_t>(bytes.size())));
        dlib::deserialize(cnn->m_impl->net, is);
    } catch (const std::exception &e) {
        return makeError(source, QStringLiteral("the CNN weights are damaged (%1)").arg(QString::fromLocal8Bit(e.what())));
    }
    cnn->m_impl->prepare();
    return cnn;
}

} // namespace photopeak
