// A written .eml read back with Poco's own MIME parser, as a mail program would read it:
// headers unfolded and decoded, each part's body decoded from quoted-printable.
#pragma once

#include <Poco/Net/MailMessage.h>
#include <Poco/Net/MessageHeader.h>
#include <Poco/Net/PartHandler.h>
#include <Poco/StreamCopier.h>

#include <fstream>
#include <map>
#include <string>
#include <vector>

namespace kindly::drafts::testing {

struct ReadPart {
  std::string contentType;
  std::string transferEncoding;
  std::string body;  // decoded, line ends as written (CRLF)
};

struct ReadMessage {
  std::multimap<std::string, std::string> headers;  // decoded values, by name as written
  std::string subject;
  bool multipart = false;
  std::vector<ReadPart> parts;

  // The one value of `name`, "" when absent.
  std::string value(const std::string& name) const {
    const auto found = headers.find(name);
    return found == headers.end() ? "" : found->second;
  }
  std::size_t count(const std::string& name) const { return headers.count(name); }
};

class CollectParts : public Poco::Net::PartHandler {
 public:
  explicit CollectParts(std::vector<ReadPart>& parts) : parts_(parts) {}
  void handlePart(const Poco::Net::MessageHeader& header, std::istream& stream) override {
    ReadPart part;
    part.contentType = header.get("Content-Type", "");
    part.transferEncoding = header.get("Content-Transfer-Encoding", "");
    Poco::StreamCopier::copyToString(stream, part.body);
    parts_.push_back(part);
  }

 private:
  std::vector<ReadPart>& parts_;
};

// Reads the .eml at `path` with Poco::Net::MailMessage::read().
inline ReadMessage readEml(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  Poco::Net::MailMessage message;
  ReadMessage read;
  CollectParts handler(read.parts);
  message.read(in, handler);
  for (const auto& [name, value] : message) read.headers.emplace(name, value);
  read.subject = message.getSubject();
  read.multipart = message.isMultipart();
  return read;
}

}  // namespace kindly::drafts::testing
