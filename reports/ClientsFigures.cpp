// Rounding of the behaviour figures happens here, once, for every format.
#include <cmath>
#include <cstdio>

#include "reports/ClientsOutput.h"

namespace kindly::reports {

namespace {

std::string fixed(double value, int decimals) {
  char text[32];
  std::snprintf(text, sizeof text, "%.*f", decimals, value);
  return text;
}

}  // namespace

std::string daysText(const std::optional<double>& days) { return days ? fixed(*days, 1) : ""; }

std::string rateText(const std::optional<double>& rate) { return rate ? fixed(*rate, 2) : ""; }

std::string wholeDaysText(const std::optional<int>& days) {
  return days ? std::to_string(*days) : "";
}

std::string balancesText(const std::vector<money::Money>& balances) {
  std::string text;
  for (const auto& balance : balances) {
    text += (text.empty() ? "" : "; ") + balance.currency().code() + " " + balance.toDecimal();
  }
  return text;
}

std::string flagsText(const std::vector<std::string>& flags) {
  std::string text;
  for (const auto& flag : flags) text += (text.empty() ? "" : " ") + flag;
  return text;
}

}  // namespace kindly::reports
