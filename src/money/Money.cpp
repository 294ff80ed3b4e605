// Money arithmetic: exact, overflow-checked, and never across currencies.
#include "money/Money.h"

namespace kindly::money {
namespace {

void requireSameCurrency(const Money& a, const Money& b, const char* operation) {
  if (a.currency() != b.currency()) {
    throw CurrencyMismatch(std::string("cannot ") + operation + " " + b.currency().code() +
                           " and " + a.currency().code());
  }
}

[[noreturn]] void overflow(const Money& a, const char* operation, const Money& b) {
  throw MoneyOverflow("amount out of range: " + a.toDecimal() + " " + operation + " " +
                      b.toDecimal() + " " + a.currency().code());
}

}  // namespace

Money Money::operator+(const Money& other) const {
  requireSameCurrency(*this, other, "add");
  std::int64_t sum;
  if (__builtin_add_overflow(minor_, other.minor_, &sum)) overflow(*this, "+", other);
  return Money(sum, currency_);
}

Money Money::operator-(const Money& other) const {
  requireSameCurrency(*this, other, "subtract");
  std::int64_t difference;
  if (__builtin_sub_overflow(minor_, other.minor_, &difference)) overflow(*this, "-", other);
  return Money(difference, currency_);
}

Money Money::operator-() const {
  // The most negative int64 has no positive counterpart.
  std::int64_t negated;
  if (__builtin_sub_overflow(std::int64_t{0}, minor_, &negated)) {
    throw MoneyOverflow("amount out of range: -(" + toDecimal() + ") " + currency_.code());
  }
  return Money(negated, currency_);
}

std::string Money::toDecimal() const {
  // Work on the magnitude as unsigned so the most negative int64 prints too.
  std::uint64_t magnitude = minor_ < 0 ? 0 - std::uint64_t(minor_) : std::uint64_t(minor_);
  const int decimals = currency_.exponent();
  char digits[32];
  int length = 0;
  while (magnitude > 0 || length <= decimals) {  // at least one digit before the point
    digits[length++] = char('0' + magnitude % 10);
    magnitude /= 10;
  }
  std::string text;
  text.reserve(length + 2);
  if (minor_ < 0) text += '-';
  for (int i = length - 1; i >= 0; --i) {
    text += digits[i];
    if (i == decimals && decimals > 0) text += '.';
  }
  return text;
}

void addTo(Totals& totals, const Money& amount) {
  auto [it, inserted] = totals.try_emplace(amount.currency(), amount);
  if (!inserted) it->second += amount;
}

}  // namespace kindly::money
