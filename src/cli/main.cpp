// Entry point: command-line problems Poco finds while reading options are usage errors.
#include <Poco/Exception.h>

#include <iostream>

#include "cli/Command.h"
#include "cli/KindlyApp.h"

int main(int argc, char** argv) {
  kindly::cli::KindlyApp app;
  try {
    app.init(argc, argv);
  } catch (const Poco::Exception& e) {
    std::cerr << "kindly: " << e.displayText() << "; `kindly help` lists the options\n";
    return kindly::cli::kFailed;
  }
  return app.run();
}
