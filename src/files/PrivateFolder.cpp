// Files named from the process id, opened following symbolic links, let another user who can
// write the folder make Kindly overwrite a file elsewhere. In a folder of mode 0700 made by
// mkdtemp no one else can create anything, so what is written there is what Kindly wrote.
#include "files/PrivateFolder.h"

#include <sys/stat.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <vector>

#include "base/Error.h"

namespace kindly::files {

namespace fs = std::filesystem;

PrivateFolder::PrivateFolder(const fs::path& parent, const std::string& prefix,
                             const std::string& what) {
  std::string pattern = (parent / (prefix + "XXXXXX")).string();
  std::vector<char> name(pattern.begin(), pattern.end());
  name.push_back('\0');
  if (::mkdtemp(name.data()) == nullptr) {
    throw Error("cannot write " + what + ": cannot create a folder in " +
                (parent.empty() ? std::string(".") : parent.string()) + ": " +
                std::strerror(errno));
  }
  path_ = fs::path(name.data());
}

PrivateFolder::~PrivateFolder() {
  if (path_.empty()) return;
  std::error_code ignored;  // a destructor never throws; the original error is reported
  fs::remove_all(path_, ignored);
}

void PrivateFolder::openUp() const {
  const mode_t mask = ::umask(0);
  ::umask(mask);
  ::chmod(path_.c_str(), 0777 & ~mask);
}

}  // namespace kindly::files
