// The registry of export formats. A new format is a class under profiles/ and a line here.
#include "importers/Profile.h"
#include "importers/TitleDate.h"
#include "importers/profiles/DatevProfile.h"
#include "importers/profiles/FreshBooksProfile.h"
#include "importers/profiles/GenericProfile.h"
#include "importers/profiles/IifProfile.h"
#include "importers/profiles/MyobProfile.h"
#include "importers/profiles/NotReceivablesProfile.h"
#include "importers/profiles/QboAgingProfile.h"
#include "importers/profiles/QboBalanceDetailProfile.h"
#include "importers/profiles/QboInvoicesProfile.h"
#include "importers/profiles/Sage50Profile.h"
#include "importers/profiles/StripePaymentsProfile.h"
#include "importers/profiles/StripeProfile.h"
#include "importers/profiles/TableProfile.h"
#include "importers/profiles/WaveProfile.h"
#include "importers/profiles/XeroAgedProfile.h"
#include "importers/profiles/XeroProfile.h"

namespace kindly::importers {

// A title row that states a day ("Invoice Ninja - December 19, 2020 11:28 pm") dates the
// export: payments inferred from its balances are dated by it, not by the day of the import.
void Profile::title(const Row& row, RecordSink& sink) {
  for (auto cell : row) {
    if (const auto date = dateStatedIn(cell)) {
      sink.exportDate(*date);
      break;
    }
  }
  sink.skip("title rows");
}

std::vector<std::unique_ptr<Profile>> allProfiles() {
  std::vector<std::unique_ptr<Profile>> profiles;
  profiles.push_back(std::make_unique<XeroProfile>());
  profiles.push_back(std::make_unique<XeroAgedProfile>());
  profiles.push_back(std::make_unique<FreshBooksProfile>());
  profiles.push_back(std::make_unique<StripeProfile>());
  profiles.push_back(std::make_unique<StripePaymentsProfile>());
  profiles.push_back(std::make_unique<QboAgingProfile>());
  profiles.push_back(std::make_unique<QboInvoicesProfile>());
  profiles.push_back(std::make_unique<QboBalanceDetailProfile>());
  profiles.push_back(std::make_unique<IifProfile>());
  profiles.push_back(std::make_unique<Sage50Profile>());
  profiles.push_back(std::make_unique<WaveProfile>());
  profiles.push_back(std::make_unique<DatevProfile>());
  profiles.push_back(std::make_unique<MyobProfile>());
  for (const auto& table : formatTables())
    profiles.push_back(std::make_unique<TableProfile>(table));
  profiles.push_back(std::make_unique<GenericProfile>());
  for (const auto& report : notReceivables()) {
    profiles.push_back(std::make_unique<NotReceivablesProfile>(report));
  }
  return profiles;
}

std::unique_ptr<Profile> profileNamed(std::string_view name) {
  for (auto& profile : allProfiles()) {
    if (profile->name() == name) return std::move(profile);
  }
  return nullptr;
}

}  // namespace kindly::importers
