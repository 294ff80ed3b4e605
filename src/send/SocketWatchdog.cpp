// The shutdown is done under the lock that disarm() takes, so that once disarm() returns the
// watchdog never touches the descriptor again, and the caller may close it (and the number be
// reused) safely.
#include "send/SocketWatchdog.h"

#include <sys/socket.h>

namespace kindly::send {

SocketWatchdog::SocketWatchdog() : thread_([this] { watch(); }) {}

SocketWatchdog::~SocketWatchdog() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  changed_.notify_one();
  thread_.join();
}

void SocketWatchdog::arm(int fd, std::chrono::steady_clock::time_point deadline) {
  {
    std::lock_guard lock(mutex_);
    fd_ = fd;
    deadline_ = deadline;
    expired_ = false;
  }
  changed_.notify_one();
}

bool SocketWatchdog::disarm() {
  std::lock_guard lock(mutex_);
  fd_ = -1;
  const bool expired = expired_;
  expired_ = false;
  return expired;
}

void SocketWatchdog::watch() {
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    if (fd_ < 0) {
      changed_.wait(lock);
    } else if (std::chrono::steady_clock::now() >= deadline_) {
      ::shutdown(fd_, SHUT_RDWR);
      expired_ = true;
      fd_ = -1;
    } else {
      changed_.wait_until(lock, deadline_);
    }
  }
}

}  // namespace kindly::send
