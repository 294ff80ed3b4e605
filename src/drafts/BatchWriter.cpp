// Writing a batch: every file goes into a hidden temporary folder first, and only a complete
// folder is renamed into place, so a person never reviews half a batch.
#include "drafts/BatchWriter.h"

#include <Poco/DigestEngine.h>
#include <Poco/SHA1Engine.h>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <sstream>
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
  const std::string number = std::to_string(sequence);
  return std::string(number.size() < 3 ? 3 - number.size() : 0, '0') + number;
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

// The hidden record of what the batch was given, one line per draft ever written into it
// (deleted ones too): file, client, channel, sequence and the SHA-1 of the bytes written.
// It tells a draft a person changed or deleted from one nobody touched.
constexpr std::string_view kDrafted = ".drafted";

struct WrittenDraft {
  std::string file;
  std::string client;
  std::string channel;
  std::size_t sequence = 0;
  std::string digest;
};

std::string digestOf(const std::string& content) {
  Poco::SHA1Engine engine;
  engine.update(content);
  return Poco::DigestEngine::digestToHex(engine.digest());
}

WrittenDraft writtenDraft(const BatchEntry& entry, const std::string& content) {
  return {entry.file, entry.clientCode, entry.channel, entry.sequence, digestOf(content)};
}

std::string draftedText(const std::vector<WrittenDraft>& drafts) {
  std::string text =
      "# What kindly remind wrote into this batch: file, client, channel, sequence, SHA-1\n";
  for (const WrittenDraft& draft : drafts) {
    std::string client = oneLine(draft.client);
    std::replace(client.begin(), client.end(), '\t', ' ');
    text += draft.file + '\t' + client + '\t' + draft.channel + '\t' +
            std::to_string(draft.sequence) + '\t' + draft.digest + '\n';
  }
  return text;
}

// The bytes of `path`; throws Error naming the file when it cannot be read, so that a draft a
// person changed is never taken for an empty one.
std::string readAll(const fs::path& path) {
  errno = 0;
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  if (!in || in.bad()) {
    throw Error("cannot read " + path.string() + ": " +
                (errno != 0 ? std::strerror(errno) : "the file could not be read") +
                "; nothing was changed");
  }
  return text.str();
}

// The drafts a batch was given, from its .drafted; for a batch written before there was one,
// the manifest's entries with no digest (every draft then counts as a person's).
std::vector<WrittenDraft> readDrafted(const fs::path& batch) {
  std::vector<WrittenDraft> drafts;
  std::ifstream in(batch / kDrafted, std::ios::binary);
  if (!in) {
    for (const BatchEntry& entry : readManifestJson(batch.string())) {
      drafts.push_back({entry.file, entry.clientCode, entry.channel, entry.sequence, ""});
    }
    return drafts;
  }
  // Every line ends in a newline and every digest is whole: a record cut short (a disk that
  // filled, a hand that edited it) must not pass a person's draft for one nobody touched.
  const std::string text = readAll(batch / kDrafted);
  const auto corrupt = [&](std::size_t line) {
    return Error((batch / kDrafted).string() + ":" + std::to_string(line) +
                 ": not a whole record of kindly remind's drafts; nothing was changed. Move "
                 "the batch folder aside to draft the day afresh");
  };
  if (!text.empty() && text.back() != '\n') {
    throw corrupt(static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')) + 1);
  }
  std::istringstream lines(text);
  std::size_t number = 0;
  for (std::string line; std::getline(lines, line);) {
    ++number;
    if (line.empty() || line.front() == '#') continue;
    std::vector<std::string> fields;
    std::istringstream cells(line);
    for (std::string cell; std::getline(cells, cell, '\t');) fields.push_back(cell);
    if (fields.size() != 5 || fields[0].empty() || fields[0].find('/') != std::string::npos ||
        fields[0].starts_with('.') || fields[4].size() != 40 ||
        fields[4].find_first_not_of("0123456789abcdef") != std::string::npos || fields[3].empty() ||
        fields[3].find_first_not_of("0123456789") != std::string::npos) {
      throw corrupt(number);
    }
    drafts.push_back({fields[0], fields[1], fields[2],
                      std::strtoull(fields[3].c_str(), nullptr, 10), fields[4]});
  }
  return drafts;
}

// Copies `from` to `to`, naming the batch when it cannot.
void copyInto(const fs::path& from, const fs::path& to, const fs::path& batch) {
  std::error_code error;
  fs::copy(from, to, fs::copy_options::recursive | fs::copy_options::copy_symlinks, error);
  if (error) {
    throw Error("cannot keep " + from.filename().string() + " of " + batch.string() + ": " +
                error.message());
  }
}

using Draft = std::pair<BatchEntry, std::string>;  // an entry and its bytes

// Brings the batch already at `target` into `scratch` with the new `drafts` (see write()):
// fills `entries` (what the manifests list) and `written` (what .drafted keeps).
void mergeWithBatch(const fs::path& target, const fs::path& scratch,
                    const std::set<std::string>& sentFiles, std::vector<Draft>& drafts,
                    std::vector<BatchEntry>& entries, std::vector<WrittenDraft>& written,
                    BatchChanges& done) {
  const std::vector<WrittenDraft> before = readDrafted(target);
  std::map<std::string, BatchEntry> listed;  // the old manifest's entries, by file
  for (BatchEntry& entry : readManifestJson(target.string())) {
    listed.emplace(entry.file, std::move(entry));
  }
  // Files the batch did not write (a reviewer's notes, say) move with it untouched.
  std::set<std::string> ours = {"manifest.csv", "manifest.json", std::string(kDrafted)};
  for (const WrittenDraft& old : before) ours.insert(old.file);
  for (const fs::directory_entry& file : fs::directory_iterator(target)) {
    const std::string fileName = file.path().filename().string();
    if (!ours.contains(fileName)) copyInto(file.path(), scratch / fileName, target);
  }

  // The new drafts by client and channel: a batch holds one follow-up per client.
  std::map<std::pair<std::string, std::string>, Draft*> planned;
  for (Draft& draft : drafts) planned[{draft.first.clientCode, draft.first.channel}] = &draft;
  std::size_t lastSequence = 0;
  std::map<std::string, std::size_t> sequenceOfClient;
  for (const WrittenDraft& old : before) {
    lastSequence = std::max(lastSequence, old.sequence);
    sequenceOfClient.emplace(old.client, old.sequence);
    const auto found = planned.find({old.client, old.channel});
    Draft* now = found == planned.end() ? nullptr : found->second;
    if (now) planned.erase(found);
    const fs::path path = target / old.file;
    const bool present = fs::is_regular_file(path);
    const std::string content = present ? readAll(path) : "";
    const bool changed = present && (old.digest.empty() || digestOf(content) != old.digest);
    const auto keep = [&](std::vector<std::string>& list) {
      list.push_back(old.file);
      writeFile(scratch / old.file, content, target);
      written.push_back(old);
      const auto entry = listed.find(old.file);
      if (entry != listed.end()) {
        entries.push_back(entry->second);
        return;
      }
      BatchEntry unlisted;
      unlisted.sequence = old.sequence;
      unlisted.clientCode = old.client;
      unlisted.channel = old.channel;
      unlisted.file = old.file;
      entries.push_back(std::move(unlisted));
    };
    if (!present) {
      // A person deleted it: it stays deleted, and is remembered as such.
      done.keptDeleted.push_back(old.file);
      written.push_back(old);
    } else if (sentFiles.contains(old.file)) {
      keep(done.keptSent);
    } else if (changed) {
      keep(done.keptEdited);
      if (!now) {
        done.toCheck.push_back(old.file +
                               ": changed by a person and kept, but its follow-up is "
                               "no longer due; check it before sending");
      } else if (digestOf(now->second) != old.digest) {
        done.toCheck.push_back(old.file +
                               ": changed by a person and kept, but the plan for it "
                               "changed (" +
                               now->first.step + "); check it before sending");
      }
    } else if (now) {
      // Nobody touched it: it follows the plan, under its own name.
      now->first.sequence = old.sequence;
      now->first.file = old.file;
      if (digestOf(now->second) != old.digest) ++done.updated;
      writeFile(scratch / old.file, now->second, target);
      written.push_back(writtenDraft(now->first, now->second));
      entries.push_back(now->first);
    } else {
      ++done.removed;  // nobody touched it and its follow-up is no longer due
    }
  }
  // Follow-ups new to the batch, numbered after every draft it ever held.
  std::map<std::size_t, std::size_t> renumbered;
  for (Draft& draft : drafts) {
    if (!planned.contains({draft.first.clientCode, draft.first.channel})) continue;
    const auto client = sequenceOfClient.find(draft.first.clientCode);
    std::size_t sequence = 0;
    if (client != sequenceOfClient.end()) {
      sequence = client->second;  // another channel of a follow-up the batch holds
    } else {
      auto [at, isNew] = renumbered.emplace(draft.first.sequence, lastSequence + 1);
      if (isNew) ++lastSequence;
      sequence = at->second;
    }
    const std::string oldStem = sequenceText(draft.first.sequence);
    draft.first.file = sequenceText(sequence) + draft.first.file.substr(oldStem.size());
    draft.first.sequence = sequence;
    writeFile(scratch / draft.first.file, draft.second, target);
    written.push_back(writtenDraft(draft.first, draft.second));
    entries.push_back(draft.first);
    ++done.added;
  }
  std::stable_sort(entries.begin(), entries.end(), [](const BatchEntry& a, const BatchEntry& b) {
    return a.sequence < b.sequence;
  });
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
                                    const std::string& slug, dates::Date day) const {
  const RenderedReminder rendered = templates_.renderReminder(reminder, sender_, day);
  EmailMessage message;
  message.date = day;
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

std::vector<std::pair<BatchEntry, std::string>> BatchWriter::render(
    const std::vector<Reminder>& reminders) const {
  std::vector<std::pair<BatchEntry, std::string>> drafts;
  std::size_t sequence = 0;
  for (const Reminder& reminder : reminders) {
    ++sequence;
    const dates::Date day = reminder.day.value_or(asOf_);
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
    entry.day = day.iso();
    if (reminder.balancesAsAt) entry.balancesAsAt = reminder.balancesAsAt->iso();
    for (const followup::Channel channel : reminder.channels) {
      entry.channel = std::string(followup::channelName(channel));
      std::string content;
      switch (channel) {
        case followup::Channel::Email:
          entry.file = stem + ".eml";
          content = emailDraft(reminder, entry, slug, day);
          break;
        case followup::Channel::Call:
          entry.file = stem + ".call.txt";
          content = templates_.renderCallScript(reminder, sender_, day);
          break;
        case followup::Channel::Letter:
          entry.file = stem + ".letter.html";
          content = templates_.renderLetter(reminder, sender_, day);
          break;
      }
      drafts.emplace_back(entry, std::move(content));
    }
  }
  return drafts;
}

std::vector<BatchEntry> BatchWriter::write(const std::vector<Reminder>& reminders,
                                           const std::set<std::string>& sentFiles,
                                           BatchChanges* changes) {
  BatchChanges done;
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
  // One remind at a time in a drafts folder: a second one waits, then finds the first one's
  // batch and keeps what is in it, rather than both starting from the same old batch.
  struct FolderLock {
    int fd = -1;
    ~FolderLock() {
      if (fd >= 0) ::close(fd);  // releases the lock
    }
  } lock{::open(outDir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC)};
  if (lock.fd < 0 || ::flock(lock.fd, LOCK_EX) != 0) {
    throw Error("cannot take the drafts folder " + outDir_ +
                " for this run: " + std::strerror(errno));
  }
  const std::string name = "batch-" + asOf_.iso();
  const fs::path target = outDir / name;
  files::PrivateFolder scratch(outDir, "." + name + ".tmp-", "the drafts batch");

  std::vector<Draft> drafts = render(reminders);
  std::vector<BatchEntry> entries;
  std::vector<WrittenDraft> written;  // what .drafted will say
  if (fs::exists(target, error)) {
    done.existed = true;
    mergeWithBatch(target, scratch.path(), sentFiles, drafts, entries, written, done);
  } else {
    for (auto& [entry, content] : drafts) {
      writeFile(scratch.path() / entry.file, content, target);
      written.push_back(writtenDraft(entry, content));
      entries.push_back(std::move(entry));
      ++done.added;
    }
  }
  writeFile(scratch.path() / "manifest.csv", manifestCsv(entries), target);
  writeFile(scratch.path() / "manifest.json", manifestJson(asOf_, entries), target);
  writeFile(scratch.path() / kDrafted, draftedText(written), target);

  // The old batch of the same date steps aside only now that the new one is complete, and
  // comes back if the new one cannot take its place.
  fs::path previous;
  if (done.existed) {
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
    // The new batch is in place, holding all that was kept; the old folder is only clutter.
    std::error_code ignored;
    fs::remove_all(previous, ignored);
  }
  if (changes) *changes = std::move(done);
  return entries;
}

}  // namespace kindly::drafts
