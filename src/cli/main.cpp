// Entry point: command-line problems Poco finds while reading options are usage errors.
#include <Poco/Exception.h>
#include <unistd.h>

#include <iostream>

#include "cli/Command.h"
#include "cli/KindlyApp.h"
#include "cli/TerminalText.h"

int main(int argc, char** argv) {
  // Kindly writes through iostreams only: unsynchronised with stdio, std::cout buffers its
  // own output instead of handing every piece of a million-row report to fwrite.
  std::ios::sync_with_stdio(false);
  // Whatever a command prints of an export's text, a terminal shows it and obeys nothing in it.
  const kindly::cli::TerminalGuard out(std::cout, ::isatty(STDOUT_FILENO) == 1);
  const kindly::cli::TerminalGuard err(std::cerr, ::isatty(STDERR_FILENO) == 1);
  kindly::cli::KindlyApp app;
  try {
    app.init(argc, argv);
  } catch (const Poco::Exception& e) {
    std::cerr << "kindly: " << e.displayText() << "; `kindly help` lists the options\n";
    return kindly::cli::kFailed;
  }
  return app.run();
}
