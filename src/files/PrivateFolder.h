// A scratch folder only this user can enter, for files written before they are moved into
// place: nobody else can put a file or a symbolic link where they are being written.
#pragma once

#include <filesystem>
#include <string>

namespace kindly::files {

class PrivateFolder {
 public:
  // Makes "PARENT/PREFIXxxxxxx" with mkdtemp (mode 0700, a name no one had). Throws
  // kindly::Error saying `what` could not be written, and why, when it cannot.
  PrivateFolder(const std::filesystem::path& parent, const std::string& prefix,
                const std::string& what);
  PrivateFolder(const PrivateFolder&) = delete;
  PrivateFolder& operator=(const PrivateFolder&) = delete;
  // Removes the folder and what is left in it, unless released.
  ~PrivateFolder();

  const std::filesystem::path& path() const { return path_; }
  // Gives the folder the permissions a new folder gets (0777 less the umask), for a folder
  // that is itself moved into place once full.
  void openUp() const;
  // The folder was moved into place: it is no longer removed.
  void release() { path_.clear(); }

 private:
  std::filesystem::path path_;
};

}  // namespace kindly::files
