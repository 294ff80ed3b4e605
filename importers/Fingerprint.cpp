#include "importers/Fingerprint.h"

#include <Poco/SHA2Engine.h>

#include <fstream>
#include <vector>

#include "base/Error.h"
#include "importers/profiles/MappedProfile.h"

namespace kindly::importers {

std::string fingerprint(const std::string& path, const SourceFile& source,
                        const SourceOptions& options) {
  Poco::SHA2Engine sha(Poco::SHA2Engine::SHA_256);
  // Fields are separated by a byte no setting contains, so no two readings hash alike.
  const auto field = [&sha](const std::string& text) {
    sha.update(text);
    sha.update('\x1f');
  };
  field(source.profile->name());
  field(std::to_string(static_cast<int>(source.settings.dateOrder)));
  field(std::to_string(static_cast<int>(source.settings.decimalMark)));
  field(source.settings.defaultCurrency.code());
  field(options.table.encoding);
  field(std::string(1, options.table.delimiter));
  // Each sheet of a workbook is its own source.
  if (!source.sheet.empty()) field(source.sheet);
  if (options.map) {
    for (const auto& [mapped, header] : options.map->columns) {
      field(std::to_string(static_cast<int>(mapped)));
      field(header);
    }
  }
  std::ifstream in(path, std::ios::binary);
  std::vector<char> chunk(1 << 20);
  while (in) {
    in.read(chunk.data(), static_cast<std::streamsize>(chunk.size()));
    sha.update(chunk.data(), static_cast<std::size_t>(in.gcount()));
  }
  if (in.bad() || !in.eof()) throw InputError(path + ": cannot be read to the end");
  return Poco::DigestEngine::digestToHex(sha.digest());
}

}  // namespace kindly::importers
