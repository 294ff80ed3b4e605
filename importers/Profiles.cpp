// The registry of export formats. A new format is a class under profiles/ and a line here.
#include "importers/Profile.h"
#include "importers/profiles/GenericProfile.h"

namespace kindly::importers {

void Profile::title(const Row&, RecordSink& sink) { sink.skip("title rows"); }

std::vector<std::unique_ptr<Profile>> allProfiles() {
  std::vector<std::unique_ptr<Profile>> profiles;
  profiles.push_back(std::make_unique<GenericProfile>());
  return profiles;
}

std::unique_ptr<Profile> profileNamed(std::string_view name) {
  for (auto& profile : allProfiles()) {
    if (profile->name() == name) return std::move(profile);
  }
  return nullptr;
}

}  // namespace kindly::importers
