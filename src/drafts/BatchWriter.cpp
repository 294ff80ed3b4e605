// Writing a batch: every file goes into a hidden temporary folder first, and only a complete
// folder is renamed into place, so a person never reviews half a batch.
#include "drafts/BatchWriter.h"

#include <cerrno>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>
#include <utility>

#include "base/Error.h"
#include "base/Text.h"
#include "drafts/EmailMessage.h"
#include "files/PrivateFolder.h"

namespace kindly::drafts {

namespace {

namespace fs = std::filesystem;

constexpr std::size_t kMaxSlug = 40;

// The letters a simple accented Latin letter folds to ("é" is "e", "ß" is "ss"); nullptr when
// the code point is not one of them.
const char* foldLatin(char32_t code) {
  struct Range {
    char32_t first;
    char32_t last;
    const char* letters;
  };
  static constexpr Range kRanges[] = {
      {0xC0, 0xC5, "a"},   {0xC6, 0xC6, "ae"},   {0xC7, 0xC7, "c"},   {0xC8, 0xCB, "e"},
      {0xCC, 0xCF, "i"},   {0xD0, 0xD0, "d"},    {0xD1, 0xD1, "n"},   {0xD2, 0xD6, "o"},
      {0xD8, 0xD8, "o"},   {0xD9, 0xDC, "u"},    {0xDD, 0xDD, "y"},   {0xDE, 0xDE, "th"},
      {0xDF, 0xDF, "ss"},  {0xE0, 0xE5, "a"},    {0xE6, 0xE6, "ae"},  {0xE7, 0xE7, "c"},
      {0xE8, 0xEB, "e"},   {0xEC, 0xEF, "i"},    {0xF0, 0xF0, "d"},   {0xF1, 0xF1, "n"},
      {0xF2, 0xF6, "o"},   {0xF8, 0xF8, "o"},    {0xF9, 0xFC, "u"},   {0xFD, 0xFD, "y"},
      {0xFE, 0xFE, "th"},  {0xFF, 0xFF, "y"},    {0x100, 0x105, "a"}, {0x106, 0x10D, "c"},
      {0x10E, 0x111, "d"}, {0x112, 0x11B, "e"},  {0x11C, 0x123, "g"}, {0x124, 0x127, "h"},
      {0x128, 0x131, "i"}, {0x132, 0x133, "ij"}, {0x134, 0x135, "j"}, {0x136, 0x138, "k"},
      {0x139, 0x142, "l"}, {0x143, 0x14B, "n"},  {0x14C, 0x151, "o"}, {0x152, 0x153, "oe"},
      {0x154, 0x159, "r"}, {0x15A, 0x161, "s"},  {0x162, 0x167, "t"}, {0x168, 0x173, "u"},
      {0x174, 0x175, "w"}, {0x176, 0x178, "y"},  {0x179, 0x17E, "z"}, {0x17F, 0x17F, "s"},
      {0x218, 0x219, "s"}, {0x21A, 0x21B, "t"},
  };
  for (const Range& range : kRanges) {
    if (code >= range.first && code <= range.last) return range.letters;
  }
  return nullptr;
}

// Non-ASCII punctuation and spaces (no-break space, ×, ÷, dashes, curly quotes, CJK
// punctuation) separate words like their ASCII cousins; other characters are dropped.
bool isSeparator(char32_t code) {
  return (code >= 0xA0 && code <= 0xBF) || code == 0xD7 || code == 0xF7 ||
         (code >= 0x2000 && code <= 0x206F) || (code >= 0x3000 && code <= 0x303F) ||
         (code >= 0xFF01 && code <= 0xFF0F);
}

// Decodes one UTF-8 sequence at `text[i]`, advancing `i`; an invalid byte decodes to U+FFFD.
char32_t nextCodePoint(std::string_view text, std::size_t& i) {
  const auto lead = static_cast<unsigned char>(text[i++]);
  if (lead < 0x80) return lead;
  const int length = (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xE ? 3 : (lead >> 3) == 0x1E ? 4 : 0;
  if (length == 0) return 0xFFFD;
  char32_t code = lead & (0x7F >> length);
  for (int k = 1; k < length; ++k) {
    if (i >= text.size() || (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) return 0xFFFD;
    code = (code << 6) | (static_cast<unsigned char>(text[i++]) & 0x3F);
  }
  return code;
}

std::string slugOf(std::string_view text) {
  std::string slug;
  bool pendingDash = false;
  const auto addLetters = [&](std::string_view letters) {
    if (pendingDash && !slug.empty()) slug += '-';
    pendingDash = false;
    slug += letters;
  };
  for (std::size_t i = 0; i < text.size();) {
    const char32_t code = nextCodePoint(text, i);
    if ((code >= 'a' && code <= 'z') || (code >= '0' && code <= '9')) {
      addLetters(std::string(1, static_cast<char>(code)));
    } else if (code >= 'A' && code <= 'Z') {
      addLetters(std::string(1, static_cast<char>(code - 'A' + 'a')));
    } else if (const char* folded = foldLatin(code)) {
      addLetters(folded);
    } else if (code < 0x80 || isSeparator(code)) {
      pendingDash = true;
    }
  }
  if (slug.size() > kMaxSlug) slug.resize(kMaxSlug);
  while (!slug.empty() && slug.back() == '-') slug.pop_back();
  return slug;
}

std::string sequenceText(std::size_t sequence) {
  std::string number = std::to_string(sequence);
  while (number.size() < 3) number.insert(0, "0");
  return number;
}

// Throws Error naming the batch, the file (not the hidden folder it is written in) and why: a
// full disk, say.
void writeFile(const fs::path& path, const std::string& content, const fs::path& batch) {
  errno = 0;
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(content.data(), static_cast<std::streamsize>(content.size()));
  out.close();
  if (!out) {
    throw Error("cannot write the drafts batch " + batch.string() + ": " +
                path.filename().string() + ": " +
                (errno != 0 ? std::strerror(errno) : "the file could not be written"));
  }
}

std::string randomSuffix() {
  std::random_device device;
  std::uniform_int_distribution<std::uint32_t> digits(0, 0xFFFF);
  static constexpr std::string_view kHex = "0123456789abcdef";
  std::uint32_t value = digits(device);
  std::string suffix(4, '0');
  for (int i = 3; i >= 0; --i) {
    suffix[static_cast<std::size_t>(i)] = kHex[value & 0xF];
    value >>= 4;
  }
  return suffix;
}

}  // namespace

std::string clientSlug(std::string_view clientName, std::string_view clientCode) {
  std::string slug = slugOf(clientName);
  if (slug.empty()) slug = slugOf(clientCode);
  return slug.empty() ? "client" : slug;
}

BatchWriter::BatchWriter(std::string outDir, dates::Date asOf, Sender sender, Templates templates)
    : outDir_(std::move(outDir)),
      asOf_(asOf),
      sender_(std::move(sender)),
      templates_(std::move(templates)) {}

std::string BatchWriter::batchPath() const {
  return (fs::path(outDir_) / ("batch-" + asOf_.iso())).string();
}

std::string BatchWriter::emailDraft(const Reminder& reminder, const BatchEntry& entry,
                                    const std::string& slug) const {
  const RenderedReminder rendered = templates_.renderReminder(reminder, sender_, asOf_);
  EmailMessage message;
  message.date = asOf_;
  message.messageId = EmailMessage::makeMessageId(asOf_, slug, entry.clientCode, sender_.from);
  message.from = sender_.from;
  message.toName = reminder.clientName;
  message.toAddress = entry.email;
  message.replyTo = sender_.replyTo;
  message.subject = rendered.subject;
  message.textBody = rendered.text;
  message.htmlBody = rendered.html;
  return message.toMime();
}

std::vector<BatchEntry> BatchWriter::write(const std::vector<Reminder>& reminders) {
  const fs::path outDir(outDir_);
  std::error_code error;
  // A folder made for a batch that then fails is taken away again: nothing is left behind.
  const bool outDirIsNew = !fs::exists(outDir, error);
  struct NewFolder {
    const fs::path& path;
    bool keep = false;
    ~NewFolder() {
      std::error_code ignored;
      if (!keep) fs::remove(path, ignored);  // only when empty
    }
  };
  NewFolder newFolder{outDir, !outDirIsNew};
  fs::create_directories(outDir, error);
  if (error || !fs::is_directory(outDir)) {
    throw Error("cannot create the drafts folder " + outDir_ +
                (error ? ": " + error.message() : ": not a folder"));
  }
  const std::string name = "batch-" + asOf_.iso();
  files::PrivateFolder scratch(outDir, "." + name + ".tmp-", "the drafts batch");

  std::vector<BatchEntry> entries;
  std::size_t sequence = 0;
  for (const Reminder& reminder : reminders) {
    ++sequence;
    const std::string slug = clientSlug(reminder.clientName, reminder.clientCode);
    const std::string stem = sequenceText(sequence) + "-" + slug;
    BatchEntry entry;
    entry.sequence = sequence;
    entry.clientCode = reminder.clientCode;
    entry.clientName = reminder.clientName;
    const std::string_view email = trim(reminder.email);
    if (isUsableAddress(email)) entry.email = std::string(email);
    entry.purpose = std::string(followup::purposeName(reminder.purpose));
    entry.step = reminder.step;
    for (const followup::OwedInvoice& invoice : reminder.invoices) {
      entry.invoiceNumbers.push_back(invoice.number);
    }
    entry.balance = reminder.balance;
    for (const followup::Channel channel : reminder.channels) {
      entry.channel = std::string(followup::channelName(channel));
      std::string content;
      switch (channel) {
        case followup::Channel::Email:
          entry.file = stem + ".eml";
          content = emailDraft(reminder, entry, slug);
          break;
        case followup::Channel::Call:
          entry.file = stem + ".call.txt";
          content = templates_.renderCallScript(reminder, sender_, asOf_);
          break;
        case followup::Channel::Letter:
          entry.file = stem + ".letter.html";
          content = templates_.renderLetter(reminder, sender_, asOf_);
          break;
      }
      writeFile(scratch.path() / entry.file, content, outDir / name);
      entries.push_back(entry);
    }
  }
  writeFile(scratch.path() / "manifest.csv", manifestCsv(entries), outDir / name);
  writeFile(scratch.path() / "manifest.json", manifestJson(asOf_, entries), outDir / name);

  // The old batch of the same date steps aside only now that the new one is complete, and
  // comes back if the new one cannot take its place.
  const fs::path target = outDir / name;
  fs::path previous;
  if (fs::exists(target, error)) {
    previous = outDir / ("." + name + ".old-" + randomSuffix());
    fs::rename(target, previous, error);
    if (error) throw Error("cannot replace " + target.string() + ": " + error.message());
  }
  scratch.openUp();
  fs::rename(scratch.path(), target, error);
  if (error) {
    std::error_code ignored;
    if (!previous.empty()) fs::rename(previous, target, ignored);
    throw Error("cannot create " + target.string() + ": " + error.message());
  }
  scratch.release();
  newFolder.keep = true;
  if (!previous.empty()) {
    // The new batch is in place; a leftover hidden copy of the old one is only clutter.
    std::error_code ignored;
    fs::remove_all(previous, ignored);
  }
  return entries;
}

}  // namespace kindly::drafts
