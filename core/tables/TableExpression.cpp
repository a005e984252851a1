// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "tables/TableExpression.h"

#include <QHash>

#include <algorithm>
#include <cmath>
#include <functional>

namespace photopeak {

struct TableExpression::Node {
    enum class Op { Number, Column, Text, Neg, Not, And, Or, Eq, Ne, Lt, Le, Gt, Ge, Add, Sub, Mul, Div, Mod, Call };
    Op op = Op::Number;
    double number = 0.0;
    QString name;  // column, text literal or function
    std::vector<std::shared_ptr<const Node>> args;
};

namespace {
using Node = TableExpression::Node;
using NodePtr = std::shared_ptr<const Node>;

const QHash<QString, int> &functions()
{
    static const QHash<QString, int> f = {
        {QStringLiteral("abs"), 1}, {QStringLiteral("sqrt"), 1}, {QStringLiteral("log"), 1}, {QStringLiteral("log10"), 1},
        {QStringLiteral("exp"), 1}, {QStringLiteral("cos"), 1}, {QStringLiteral("sin"), 1}, {QStringLiteral("isnan"), 1},
        {QStringLiteral("min"), 2}, {QStringLiteral("max"), 2},
    };
    return f;
}

struct Token {
    enum class Kind { End, Number, Name, Text, Symbol };
    Kind kind = Kind::End;
    QString text;
    double number = 0.0;
    int pos = 0;
};

class Parser {
public:
    explicit Parser(const QString &text) : m_text(text) {}

    Result<NodePtr> run()
    {
        if (!tokenize())
            return fail();
        if (m_tokens.size() == 1)
            return makeError(where(0), QStringLiteral("the expression is empty"));
        NodePtr n = parseOr();
        if (!n)
            return fail();
        if (peek().kind != Token::Kind::End) {
            m_error = QStringLiteral("unexpected %1 after a complete expression (missing && or ||?)").arg(describe(peek()));
            m_errorPos = peek().pos;
            return fail();
        }
        return n;
    }

private:
    QString where(int pos) const { return QStringLiteral("expression \"%1\" at position %2").arg(m_text).arg(pos + 1); }
    Error fail() const { return makeError(where(m_errorPos), m_error); }

    static QString describe(const Token &t)
    {
        switch (t.kind) {
        case Token::Kind::End: return QStringLiteral("end of the expression");
        case Token::Kind::Number: return QStringLiteral("number %1").arg(t.text);
        case Token::Kind::Name: return QStringLiteral("name '%1'").arg(t.text);
        case Token::Kind::Text: return QStringLiteral("text '%1'").arg(t.text);
        case Token::Kind::Symbol: return QStringLiteral("'%1'").arg(t.text);
        }
        return {};
    }

    bool tokenize()
    {
        const QString &s = m_text;
        int i = 0;
        while (i < s.size()) {
            const QChar c = s[i];
            if (c.isSpace()) {
                ++i;
                continue;
            }
            Token t;
            t.pos = i;
            if (c.isDigit() || (c == QLatin1Char('.') && i + 1 < s.size() && s[i + 1].isDigit())) {
                int j = i;
                while (j < s.size() && (s[j].isDigit() || s[j] == QLatin1Char('.')))
                    ++j;
                if (j < s.size() && (s[j] == QLatin1Char('e') || s[j] == QLatin1Char('E'))) {
                    int k = j + 1;
                    if (k < s.size() && (s[k] == QLatin1Char('+') || s[k] == QLatin1Char('-')))
                        ++k;
                    if (k < s.size() && s[k].isDigit()) {
                        j = k;
                        while (j < s.size() && s[j].isDigit())
                            ++j;
                    }
                }
                t.kind = Token::Kind::Number;
                t.text = s.mid(i, j - i);
                bool ok = false;
                t.number = t.text.toDouble(&ok);
                if (!ok) {
                    m_error = QStringLiteral("'%1' is not a number").arg(t.text);
                    m_errorPos = i;
                    return false;
                }
                i = j;
            } else if (c.isLetter() || c == QLatin1Char('_')) {
                int j = i;
                while (j < s.size() && (s[j].isLetterOrNumber() || s[j] == QLatin1Char('_') || s[j] == QLatin1Char('.')))
                    ++j;
                t.kind = Token::Kind::Name;
                t.text = s.mid(i, j - i);
                i = j;
            } else if (c == QLatin1Char('`') || c == QLatin1Char('\'') || c == QLatin1Char('"')) {
                const int end = s.indexOf(c, i + 1);
                if (end < 0) {
                    m_error = QStringLiteral("%1 is not closed").arg(c == QLatin1Char('`') ? QStringLiteral("quoted column name")
                                                                                           : QStringLiteral("text"));
                    m_errorPos = i;
                    return false;
                }
                t.kind = c == QLatin1Char('`') ? Token::Kind::Name : Token::Kind::Text;
                t.text = s.mid(i + 1, end - i - 1);
                i = end + 1;
            } else {
                static const QStringList two = {QStringLiteral("&&"), QStringLiteral("||"), QStringLiteral("=="),
                                                 QStringLiteral("!="), QStringLiteral("<="), QStringLiteral(">=")};
                const QString pair = s.mid(i, 2);
                t.kind = Token::Kind::Symbol;
                if (two.contains(pair)) {
                    t.text = pair;
                    i += 2;
                } else if (QStringLiteral("+-*/%<>!(),").contains(c)) {
                    t.text = c;
                    ++i;
                } else {
                    m_error = c == QLatin1Char('=') ? QStringLiteral("'=' is not a comparison; write '=='")
                              : c == QLatin1Char('&') ? QStringLiteral("'&' is not an operator; write '&&'")
                              : c == QLatin1Char('|') ? QStringLiteral("'|' is not an operator; write '||'")
                                                      : QStringLiteral("unexpected character '%1'").arg(c);
                    m_errorPos = i;
                    return false;
                }
            }
            m_tokens.push_back(t);
        }
        Token end;
        end.pos = static_cast<int>(s.size());
        m_tokens.push_back(end);
        return true;
    }

    const Token &peek() const { return m_tokens[m_at]; }
    bool accept(const char *symbol, const char *word = nullptr)
    {
        const Token &t = peek();
        if ((t.kind == Token::Kind::Symbol && t.text == QLatin1String(symbol))
            || (word && t.kind == Token::Kind::Name && t.text.compare(QLatin1String(word), Qt::CaseInsensitive) == 0)) {
            ++m_at;
            return true;
        }
        return false;
    }
    NodePtr binary(Node::Op op, NodePtr a, NodePtr b)
    {
        auto n = std::make_shared<Node>();
        n->op = op;
        n->args = {std::move(a), std::move(b)};
        return n;
    }
    NodePtr expected(const QString &what)
    {
        m_error = QStringLiteral("expected %1, found %2").arg(what, describe(peek()));
        m_errorPos = peek().pos;
        return nullptr;
    }

    NodePtr parseOr()
    {
        NodePtr a = parseAnd();
        while (a && accept("||", "or")) {
            NodePtr b = parseAnd();
            if (!b)
                return nullptr;
            a = binary(Node::Op::Or, a, b);
        }
        return a;
    }
    NodePtr parseAnd()
    {
        NodePtr a = parseNot();
        while (a && accept("&&", "and")) {
            NodePtr b = parseNot();
            if (!b)
                return nullptr;
            a = binary(Node::Op::And, a, b);
        }
        return a;
    }
    NodePtr parseNot()
    {
        if (accept("!", "not")) {
            NodePtr a = parseNot();
            if (!a)
                return nullptr;
            auto n = std::make_shared<Node>();
            n->op = Node::Op::Not;
            n->args = {a};
            return n;
        }
        return parseComparison();
    }
    NodePtr parseComparison()
    {
        NodePtr a = parseSum();
        if (!a)
            return nullptr;
        static const std::pair<const char *, Node::Op> ops[] = {{"==", Node::Op::Eq}, {"!=", Node::Op::Ne}, {"<=", Node::Op::Le},
                                                               {">=", Node::Op::Ge}, {"<", Node::Op::Lt}, {">", Node::Op::Gt}};
        for (const auto &[sym, op] : ops)
            if (accept(sym)) {
                NodePtr b = parseSum();
                if (!b)
                    return nullptr;
                if ((a->op == Node::Op::Text || b->op == Node::Op::Text) && op != Node::Op::Eq && op != Node::Op::Ne) {
                    m_error = QStringLiteral("text can only be compared with == or !=");
                    m_errorPos = peek().pos;
                    return nullptr;
                }
                for (const auto &[sym2, op2] : ops)
                    if (peek().kind == Token::Kind::Symbol && peek().text == QLatin1String(sym2)) {
                        m_error = QStringLiteral("comparisons cannot be chained (a < b < c); join them with &&");
                        m_errorPos = peek().pos;
                        return nullptr;
                    }
                return binary(op, a, b);
            }
        return a;
    }
    NodePtr parseSum()
    {
        NodePtr a = parseProduct();
        while (a) {
            if (accept("+"))
                a = binaryOrNull(Node::Op::Add, a, parseProduct());
            else if (accept("-"))
                a = binaryOrNull(Node::Op::Sub, a, parseProduct());
            else
                break;
        }
        return a;
    }
    NodePtr parseProduct()
    {
        NodePtr a = parseUnary();
        while (a) {
            if (accept("*"))
                a = binaryOrNull(Node::Op::Mul, a, parseUnary());
            else if (accept("/"))
                a = binaryOrNull(Node::Op::Div, a, parseUnary());
            else if (accept("%"))
                a = binaryOrNull(Node::Op::Mod, a, parseUnary());
            else
                break;
        }
        return a;
    }
    NodePtr binaryOrNull(Node::Op op, NodePtr a, NodePtr b) { return b ? binary(op, std::move(a), std::move(b)) : nullptr; }
    NodePtr parseUnary()
    {
        if (accept("-")) {
            NodePtr a = parseUnary();
            if (!a)
                return nullptr;
            auto n = std::make_shared<Node>();
            n->op = Node::Op::Neg;
            n->args = {a};
            return n;
        }
        if (accept("+"))
            return parseUnary();
        return parsePrimary();
    }
    NodePtr parsePrimary()
    {
        const Token t = peek();
        if (t.kind == Token::Kind::Number) {
            ++m_at;
            auto n = std::make_shared<Node>();
            n->number = t.number;
            return n;
        }
        if (t.kind == Token::Kind::Text) {
            ++m_at;
            auto n = std::make_shared<Node>();
            n->op = Node::Op::Text;
            n->name = t.text;
            return n;
        }
        if (accept("(")) {
            NodePtr inner = parseOr();
            if (!inner)
                return nullptr;
            if (!accept(")"))
                return expected(QStringLiteral("')'"));
            return inner;
        }
        if (t.kind == Token::Kind::Name) {
            ++m_at;
            const bool quoted = m_text.mid(t.pos, 1) == QLatin1String("`");
            if (!quoted && peek().kind == Token::Kind::Symbol && peek().text == QLatin1String("(")) {
                const QString fn = t.text.toLower();
                if (!functions().contains(fn)) {
                    m_error = QStringLiteral("unknown function '%1' (known: %2)").arg(t.text, knownFunctions());
                    m_errorPos = t.pos;
                    return nullptr;
                }
                ++m_at;
                auto n = std::make_shared<Node>();
                n->op = Node::Op::Call;
                n->name = fn;
                const int arity = functions().value(fn);
                for (int a = 0; a < arity; ++a) {
                    if (a > 0 && !accept(","))
                        return expected(QStringLiteral("',' and a second argument of %1()").arg(fn));
                    NodePtr arg = parseOr();
                    if (!arg)
                        return nullptr;
                    n->args.push_back(arg);
                }
                if (!accept(")"))
                    return expected(arity == 1 ? QStringLiteral("')' closing %1() (it takes one argument)").arg(fn)
                                               : QStringLiteral("')' closing %1()").arg(fn));
                return n;
            }
            auto n = std::make_shared<Node>();
            if (!quoted && t.text.compare(QLatin1String("pi"), Qt::CaseInsensitive) == 0) {
                n->number = M_PI;
                return n;
            }
            n->op = Node::Op::Column;
            n->name = t.text;
            return n;
        }
        return expected(QStringLiteral("a number, a column name, a function or '('"));
    }
    static QString knownFunctions()
    {
        QStringList names = functions().keys();
        names.sort();
        return names.join(QStringLiteral(", "));
    }

    QString m_text;
    std::vector<Token> m_tokens;
    size_t m_at = 0;
    QString m_error;
    int m_errorPos = 0;
};

int editDistance(const QString &a, const QString &b)
{
    std::vector<int> prev(static_cast<size_t>(b.size()) + 1), cur(prev.size());
    for (size_t j = 0; j < prev.size(); ++j)
        prev[j] = static_cast<int>(j);
    for (qsizetype i = 1; i <= a.size(); ++i) {
        cur[0] = static_cast<int>(i);
        for (qsizetype j = 1; j <= b.size(); ++j)
            cur[static_cast<size_t>(j)] = std::min({prev[static_cast<size_t>(j)] + 1, cur[static_cast<size_t>(j - 1)] + 1,
                                                    prev[static_cast<size_t>(j - 1)] + (a[i - 1].toLower() == b[j - 1].toLower() ? 0 : 1)});
        std::swap(prev, cur);
    }
    return prev.back();
}

void collectColumns(const Node &n, QStringList &out)
{
    if (n.op == Node::Op::Column && !out.contains(n.name))
        out << n.name;
    for (const auto &a : n.args)
        collectColumns(*a, out);
}

// Value of a subtree: numbers per row, or text per row for string columns and text literals.
struct Values {
    std::vector<double> numbers;
    const QStringList *texts = nullptr;
    QString literal;
    bool isText = false;
    bool isLiteral = false;
};

Result<Values> eval(const Node &n, const EventTable &t, const QString &source)
{
    const size_t rows = static_cast<size_t>(t.rowCount());
    Values out;
    switch (n.op) {
    case Node::Op::Number: out.numbers.assign(rows, n.number); return out;
    case Node::Op::Text:
        out.isText = out.isLiteral = true;
        out.literal = n.name;
        return out;
    case Node::Op::Column: {
        const int c = t.indexOf(n.name);
        if (c < 0) {
            QString best;
            int bestD = 4;
            for (const ColumnInfo &ci : t.columns()) {
                const int d = editDistance(n.name, ci.name);
                if (d < bestD) {
                    bestD = d;
                    best = ci.name;
                }
            }
            return makeError(source, best.isEmpty() ? QStringLiteral("unknown column '%1'").arg(n.name)
                                                    : QStringLiteral("unknown column '%1' (did you mean '%2'?)").arg(n.name, best));
        }
        if (t.column(c).type == ColumnType::String) {
            out.isText = true;
            out.texts = &t.strings(c);
        } else {
            out.numbers = t.numbers(c);
        }
        return out;
    }
    default: break;
    }
    std::vector<Values> args;
    for (const auto &a : n.args) {
        auto v = eval(*a, t, source);
        if (!v)
            return v.error();
        args.push_back(std::move(v).value());
    }
    if (n.op == Node::Op::Eq || n.op == Node::Op::Ne) {
        if (args[0].isText || args[1].isText) {
            if (!(args[0].isText && args[1].isText))
                return makeError(source, QStringLiteral("cannot compare text with a number"));
            out.numbers.resize(rows);
            for (size_t r = 0; r < rows; ++r) {
                const QString &a = args[0].isLiteral ? args[0].literal : (*args[0].texts)[static_cast<qsizetype>(r)];
                const QString &b = args[1].isLiteral ? args[1].literal : (*args[1].texts)[static_cast<qsizetype>(r)];
                out.numbers[r] = (a == b) == (n.op == Node::Op::Eq) ? 1.0 : 0.0;
            }
            return out;
        }
    }
    for (const Values &a : args)
        if (a.isText)
            return makeError(source, QStringLiteral("text can only be compared with == or !="));
    std::vector<double> &v = args[0].numbers;
    const double nan = std::nan("");
    auto apply2 = [&](auto f) {
        const std::vector<double> &b = args[1].numbers;
        for (size_t r = 0; r < rows; ++r)
            v[r] = (std::isnan(v[r]) || std::isnan(b[r])) ? nan : f(v[r], b[r]);
    };
    auto apply1 = [&](auto f) {
        for (size_t r = 0; r < rows; ++r)
            v[r] = f(v[r]);
    };
    switch (n.op) {
    case Node::Op::Neg: apply1([](double a) { return -a; }); break;
    case Node::Op::Not: apply1([nan](double a) { return std::isnan(a) ? nan : (a == 0.0 ? 1.0 : 0.0); }); break;
    case Node::Op::And:  // three-valued: false && unknown is false
        for (size_t r = 0; r < rows; ++r) {
            const double a = v[r], b = args[1].numbers[r];
            v[r] = (a == 0.0 || b == 0.0) ? 0.0 : (std::isnan(a) || std::isnan(b)) ? nan : 1.0;
        }
        break;
    case Node::Op::Or:  // three-valued: true || unknown is true
        for (size_t r = 0; r < rows; ++r) {
            const double a = v[r], b = args[1].numbers[r];
            v[r] = ((a != 0.0 && !std::isnan(a)) || (b != 0.0 && !std::isnan(b))) ? 1.0 : (std::isnan(a) || std::isnan(b)) ? nan : 0.0;
        }
        break;
    case Node::Op::Eq: apply2([](double a, double b) { return a == b ? 1.0 : 0.0; }); break;
    case Node::Op::Ne: apply2([](double a, double b) { return a != b ? 1.0 : 0.0; }); break;
    case Node::Op::Lt: apply2([](double a, double b) { return a < b ? 1.0 : 0.0; }); break;
    case Node::Op::Le: apply2([](double a, double b) { return a <= b ? 1.0 : 0.0; }); break;
    case Node::Op::Gt: apply2([](double a, double b) { return a > b ? 1.0 : 0.0; }); break;
    case Node::Op::Ge: apply2([](double a, double b) { return a >= b ? 1.0 : 0.0; }); break;
    case Node::Op::Add: apply2([](double a, double b) { return a + b; }); break;
    case Node::Op::Sub: apply2([](double a, double b) { return a - b; }); break;
    case Node::Op::Mul: apply2([](double a, double b) { return a * b; }); break;
    case Node::Op::Div: apply2([nan](double a, double b) { return b == 0.0 ? nan : a / b; }); break;
    case Node::Op::Mod: apply2([nan](double a, double b) { return b == 0.0 ? nan : std::fmod(a, b); }); break;
    case Node::Op::Call: {
        const QString &f = n.name;
        if (f == QLatin1String("abs")) apply1([](double a) { return std::abs(a); });
        else if (f == QLatin1String("sqrt")) apply1([nan](double a) { return a < 0 ? nan : std::sqrt(a); });
        else if (f == QLatin1String("log")) apply1([nan](double a) { return a <= 0 ? nan : std::log(a); });
        else if (f == QLatin1String("log10")) apply1([nan](double a) { return a <= 0 ? nan : std::log10(a); });
        else if (f == QLatin1String("exp")) apply1([](double a) { return std::exp(a); });
        else if (f == QLatin1String("cos")) apply1([](double a) { return std::cos(a); });
        else if (f == QLatin1String("sin")) apply1([](double a) { return std::sin(a); });
        else if (f == QLatin1String("isnan")) apply1([](double a) { return std::isnan(a) ? 1.0 : 0.0; });
        else if (f == QLatin1String("min")) apply2([](double a, double b) { return std::min(a, b); });
        else if (f == QLatin1String("max")) apply2([](double a, double b) { return std::max(a, b); });
        break;
    }
    default: break;
    }
    out.numbers = std::move(v);
    return out;
}
} // namespace

TableExpression::TableExpression() = default;
TableExpression::~TableExpression() = default;
TableExpression::TableExpression(const TableExpression &) = default;
TableExpression &TableExpression::operator=(const TableExpression &) = default;
TableExpression::TableExpression(TableExpression &&) noexcept = default;
TableExpression &TableExpression::operator=(TableExpression &&) noexcept = default;

Result<TableExpression> TableExpression::parse(const QString &text)
{
    Parser p(text);
    auto root = p.run();
    if (!root)
        return root.error();
    TableExpression e;
    e.m_text = text.trimmed();
    e.m_root = *root;
    return e;
}

QStringList TableExpression::columns() const
{
    QStringList out;
    if (m_root)
        collectColumns(*m_root, out);
    return out;
}

Result<std::vector<double>> TableExpression::evaluate(const EventTable &table) const
{
    const QString source = QStringLiteral("expression \"%1\"").arg(m_text);
    if (!m_root)
        return makeError(source, QStringLiteral("the expression is empty"));
    auto v = eval(*m_root, table, source);
    if (!v)
        return v.error();
    if (v->isText)
        return makeError(source, QStringLiteral("gives text, not a number or a condition"));
    return std::move(v->numbers);
}

} // namespace photopeak
