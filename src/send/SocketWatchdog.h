// Ends an exchange with the mail server at its deadline, however slowly the server trickles.
#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

namespace kindly::send {

// A socket's own timeout bounds each read, not an exchange: a server sending a byte a second,
// or a TLS record a byte at a time (which one TLS read waits for whole), would hold a
// connection for ever. The watchdog shuts the socket down at the deadline instead, which makes
// the blocked read or write return at once.
class SocketWatchdog {
 public:
  SocketWatchdog();   // starts the watching thread
  ~SocketWatchdog();  // stops and joins it
  SocketWatchdog(const SocketWatchdog&) = delete;
  SocketWatchdog& operator=(const SocketWatchdog&) = delete;

  // Shuts the socket `fd` down for reading and writing at `deadline` unless disarm() is called
  // first. The caller keeps `fd` open until disarm() has returned.
  void arm(int fd, std::chrono::steady_clock::time_point deadline);

  // Stops watching. Returns true when the deadline came first: the socket is then shut down.
  bool disarm();

 private:
  void watch();

  std::mutex mutex_;
  std::condition_variable changed_;
  int fd_ = -1;  // -1 when not armed
  std::chrono::steady_clock::time_point deadline_;
  bool expired_ = false;
  bool stopping_ = false;
  std::thread thread_;  // last, so that it starts once the rest is ready
};

}  // namespace kindly::send
