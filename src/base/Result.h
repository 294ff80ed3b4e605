// A value or the reason there is none: how parsers report expected bad data.
#pragma once

#include <cassert>
#include <string>
#include <utility>
#include <variant>

namespace kindly {

struct Failure {
  std::string reason;
};

template <class T>
class Result {
 public:
  Result(T value) : state_(std::move(value)) {}
  Result(Failure failure) : state_(std::move(failure)) {}

  explicit operator bool() const { return state_.index() == 0; }
  const T& operator*() const {
    assert(*this);
    return std::get<0>(state_);
  }
  const T* operator->() const { return &**this; }
  // The reason of a failed result.
  const std::string& error() const {
    assert(!*this);
    return std::get<1>(state_).reason;
  }

 private:
  std::variant<T, Failure> state_;
};

}  // namespace kindly
