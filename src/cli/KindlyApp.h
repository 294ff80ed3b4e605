// The `kindly` program: global and command options bound to configuration keys, the
// configuration file, and the one place where errors become exit statuses.
#pragma once

#include <Poco/Util/Application.h>

#include <set>
#include <string>

namespace kindly::cli {

class KindlyApp : public Poco::Util::Application {
 protected:
  void defineOptions(Poco::Util::OptionSet& options) override;
  void handleOption(const std::string& name, const std::string& value) override;
  void initialize(Poco::Util::Application& self) override;
  int main(const std::vector<std::string>& args) override;

 private:
  void printHelp() const;

  std::set<std::string> given_;  // long names of the options on the command line
  std::string configFile_;
  bool helpRequested_ = false;
};

}  // namespace kindly::cli
