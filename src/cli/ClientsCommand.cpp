// `kindly clients`: every client's behaviour and flags, filtered by a flag and sorted.
#include <algorithm>
#include <functional>
#include <iterator>

#include "aging/ClientBehavior.h"
#include "aging/LedgerAsOf.h"
#include "base/Error.h"
#include "base/Text.h"
#include "cli/Commands.h"
#include "cli/Settings.h"
#include "reports/ClientsOutput.h"

namespace kindly::cli {

namespace {

using aging::ClientBehavior;

bool hasFlag(const ClientBehavior& client, const std::string& flag) {
  return std::find(client.flags.begin(), client.flags.end(), flag) != client.flags.end();
}

// `key` is one of code, name, balance, late, dso. Every order ends on the client code, so that the
// output is the same on every run.
void sortClients(std::vector<ClientBehavior>& clients, const std::string& key) {
  using Less = std::function<bool(const ClientBehavior&, const ClientBehavior&)>;
  Less less;
  if (key == "code") {
    return;  // clientBehaviors() already orders by code
  } else if (key == "name") {
    less = [](const ClientBehavior& a, const ClientBehavior& b) {
      return std::tie(a.clientName, a.clientCode) < std::tie(b.clientName, b.clientCode);
    };
  } else if (key == "balance") {
    // Amounts in different currencies do not compare: by main currency, largest first.
    less = [](const ClientBehavior& a, const ClientBehavior& b) {
      const auto owed = [](const ClientBehavior& c) -> std::pair<std::string, std::int64_t> {
        if (!c.mainCurrency) return {"~", 0};  // no invoices, only credits: last
        for (const auto& balance : c.balances) {
          if (balance.currency() == *c.mainCurrency) {
            return {c.mainCurrency->code(), -balance.minorUnits()};
          }
        }
        return {c.mainCurrency->code(), 0};
      };
      const auto aOwed = owed(a), bOwed = owed(b);
      return std::tie(aOwed, a.clientCode) < std::tie(bOwed, b.clientCode);
    };
  } else if (key == "late") {
    // Most late payments first, then the latest on average.
    less = [](const ClientBehavior& a, const ClientBehavior& b) {
      const double aLate = a.avgDaysLate.value_or(-1), bLate = b.avgDaysLate.value_or(-1);
      return std::tie(b.latePaid, bLate, a.clientCode) < std::tie(a.latePaid, aLate, b.clientCode);
    };
  } else if (key == "dso") {
    // Highest first; clients with no DSO last.
    less = [](const ClientBehavior& a, const ClientBehavior& b) {
      const int aDso = a.dso.value_or(-1), bDso = b.dso.value_or(-1);
      return std::tie(bDso, a.clientCode) < std::tie(aDso, b.clientCode);
    };
  }
  std::stable_sort(clients.begin(), clients.end(), less);
}

}  // namespace

int ClientsCommand::run(const std::vector<std::string>& args, Context& context) {
  if (!args.empty()) throw UsageError("clients takes no arguments; usage: kindly " + usage());
  const auto format = outputFormat(context.config);
  const auto options = agingOptions(context.config);
  const std::string flag = toLower(context.config.getString("clients.flag", ""));
  if (!flag.empty() && std::find(std::begin(aging::kClientFlags), std::end(aging::kClientFlags),
                                 flag) == std::end(aging::kClientFlags)) {
    std::string flags;
    for (const char* known : aging::kClientFlags)
      flags += (flags.empty() ? "" : ", ") + std::string(known);
    throw UsageError("--flag: '" + flag + "' is not one of " + flags);
  }
  const std::string sort = toLower(context.config.getString("clients.sort", "code"));
  if (sort != "code" && sort != "name" && sort != "balance" && sort != "late" && sort != "dso") {
    throw UsageError("--sort: '" + sort + "' is not one of code, name, balance, late, dso");
  }

  const aging::LedgerAsOf ledger(context.ledger(), options);
  auto clients = aging::clientBehaviors(context.ledger(), ledger, options);
  if (!flag.empty()) {
    std::erase_if(clients, [&](const ClientBehavior& client) { return !hasFlag(client, flag); });
  }
  sortClients(clients, sort);
  switch (format) {
    case OutputFormat::Table:
      reports::writeClientsTable(context.out, options.asOf, clients,
                                 aging::overallBehavior(ledger, options));
      break;
    case OutputFormat::Csv:
      reports::writeClientsCsv(context.out, clients);
      break;
    case OutputFormat::Json:
      reports::writeClientsJson(context.out, clients);
      break;
  }
  return kDone;
}

}  // namespace kindly::cli
