// The one root of Kindly's exceptions: failures of the environment or of the input as a
// whole (an unreadable file, a broken database, a bad option). Caught only in cli/.
#pragma once

#include <stdexcept>
#include <string>

namespace kindly {

class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The command line asked for something that cannot be done; nothing was written.
class UsageError : public Error {
 public:
  using Error::Error;
};

// An input file cannot be read at all (missing, empty, unknown layout); nothing was written.
class InputError : public Error {
 public:
  using Error::Error;
};

}  // namespace kindly
