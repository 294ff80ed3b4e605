// The order of writes is what makes a message go out once: "sending" is claimed (a
// compare-and-set, so of two overlapping runs one only) before the server sees the message
// and "sent" is committed right after it takes it, so a run killed in between leaves a row
// that says so, and the next run asks a person instead of guessing.
#include "send/BatchSender.h"

#include <Poco/Data/Transaction.h>
#include <Poco/Environment.h>
#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <chrono>
#include <filesystem>
#include <thread>

#include "base/Error.h"
#include "base/Text.h"
#include "drafts/Manifest.h"
#include "send/MailServer.h"
#include "send/OutgoingEmail.h"
#include "send/Sendings.h"
#include "store/ClientLedger.h"
#include "store/Contacts.h"

namespace kindly::send {

namespace {

void pause(unsigned ms) {
  if (ms > 0) std::this_thread::sleep_for(std::chrono::milliseconds(ms));
}

std::string joined(const std::vector<std::string>& addresses) {
  std::string text;
  for (const auto& address : addresses) text += (text.empty() ? "" : ", ") + address;
  return text;
}

// The batch as the ledger knows it: the folder's canonical path, so that "batch/",
// "./batch" and a symbolic link to it are one batch.
std::string canonicalBatch(const std::string& folder) {
  std::error_code error;
  const auto path = std::filesystem::canonical(folder, error);
  if (error) throw Error(folder + ": cannot be read as a batch folder: " + error.message());
  return path.string();
}

// "host pid": which run claimed a message, so that another run can tell whether it is still
// going (on this machine) or stopped during the exchange.
std::string thisRun() { return Poco::Environment::nodeName() + " " + std::to_string(::getpid()); }

// Where the run that claimed a message ("host pid") is: stopped (on this machine, its process
// gone), still running here, or on another machine, which cannot be asked. A pid reused
// since counts as running: the safe side.
enum class Claimer { Stopped, RunningHere, Elsewhere };

Claimer claimerOf(const std::string& claimedBy) {
  const std::size_t space = claimedBy.rfind(' ');
  if (space == std::string::npos) return Claimer::Stopped;
  if (claimedBy.substr(0, space) != Poco::Environment::nodeName()) return Claimer::Elsewhere;
  long pid = 0;
  const std::string number = claimedBy.substr(space + 1);
  const auto [end, failure] = std::from_chars(number.data(), number.data() + number.size(), pid);
  if (failure != std::errc() || end != number.data() + number.size() || pid <= 0) {
    return Claimer::Stopped;
  }
  const bool alive = ::kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM;
  return alive ? Claimer::RunningHere : Claimer::Stopped;
}

// Whether a person's --resend may send the message of `row`: not while a run on this
// machine is in the middle of sending it, and never once it went out from another place.
bool mayResend(const Sending& row, bool elsewhere) {
  if (elsewhere && row.state == "sent") return false;
  return row.state != "sending" || claimerOf(row.claimedBy) != Claimer::RunningHere;
}

std::string replyText(const ServerReply& reply) {
  // What a server says is outside text too.
  return oneLine(reply.code > 0 ? std::to_string(reply.code) + " " + reply.text : reply.text);
}

// An archive copy the server did not take is the archive's loss alone: said, never a bounce.
void reportArchiveCopies(std::ostream& out, const std::string& file, const ServerReply& reply) {
  for (const auto& copy : reply.recipients) {
    if (!copy.archiveCopy || copy.outcome == RecipientOutcome::Accepted) continue;
    out << "For " << file << ", the archive copy to " << copy.address << " was "
        << (copy.outcome == RecipientOutcome::Deferred ? "deferred" : "refused") << ": "
        << copy.code << " " << oneLine(copy.text)
        << "; the client's message went out ([mail] bcc)\n";
  }
}

}  // namespace

BatchSender::BatchSender(store::Database& ledger, std::string batchDir, SmtpSettings settings,
                         std::ostream& out)
    : ledger_(ledger), batchDir_(std::move(batchDir)), settings_(std::move(settings)), out_(out) {}

SendSummary BatchSender::run(const SendOptions& options) {
  const auto entries = drafts::readManifestJson(batchDir_);
  Sendings sendings(ledger_, canonicalBatch(batchDir_));
  store::ClientLedger clients(ledger_);
  store::ContactLog contacts(ledger_);
  MailServer server(settings_);
  SendSummary summary;
  const std::string runner = thisRun();

  std::size_t handed = 0;  // messages handed to the server this run, for --limit
  for (const auto& entry : entries) {
    if (!options.only.empty() && !options.only.contains(entry.clientCode)) continue;
    // Names come from an export and the manifest from a folder anyone may have edited: one
    // line each, and commands shell-quoted, so that no name forges a line or a command.
    const std::string who = oneLine(entry.clientCode + " " + entry.clientName);
    // Drafted ahead (remind --through): a follow-up goes out on its own day, not before.
    if (!entry.day.empty() && entry.day > options.day.iso()) {
      ++summary.leftOver;
      out_ << "Not yet: " << entry.file << " (" << who << ") is for " << oneLine(entry.day)
           << "; send it on or after that day\n";
      continue;
    }
    if (entry.channel != "email") {
      ++summary.toDo;
      out_ << "To do by a person: " << entry.file << " (" << entry.channel << ", " << who
           << "); when done: kindly log " << shellQuote(entry.clientCode) << " --channel "
           << shellQuote(entry.channel) << " --step " << shellQuote(entry.step) << '\n';
      continue;
    }
    const auto client = clients.findClient(entry.clientCode);
    if (!client) {
      ++summary.needsAttention;
      out_ << "Skipped " << entry.file << ": no client " << who << " in the ledger\n";
      continue;
    }
    const bool resend = options.resend.contains(entry.file);
    auto row = sendings.find(entry.file, client->id);
    if (row && row->state == "sending" && claimerOf(row->claimedBy) == Claimer::Stopped &&
        !options.dryRun && sendings.markStopped(entry.file, client->id, row->claimedBy)) {
      row = sendings.find(entry.file, client->id);
    }
    if (row && row->state == "sent") {
      ++summary.alreadySent;
      continue;
    }
    if (row && isTaken(row->state) && !(resend && mayResend(*row, false))) {
      ++summary.needsAttention;
      reportTaken(*row, entry, who, "");
      continue;
    }
    const std::string path = (std::filesystem::path(batchDir_) / entry.file).string();
    const auto draft = readDraftFile(path);
    if (!draft) {
      ++summary.needsAttention;
      out_ << "Skipped " << entry.file << " (" << who << "): deleted from the batch folder\n";
      continue;
    }
    auto email = outgoingEmail(*draft, options.dateNow && !options.dryRun ? options.dateNow() : "");
    if (email.recipients.empty() || email.from.empty()) {
      ++summary.needsAttention;
      out_ << "Skipped " << entry.file << " (" << who << "): no usable "
           << (email.from.empty() ? "From" : "To") << " address in the draft\n";
      continue;
    }
    const auto elsewhere = sendings.takenElsewhere(email.messageId, entry.file, client->id);
    if (elsewhere && !(resend && mayResend(*elsewhere, true))) {
      if (elsewhere->state == "sent") {
        ++summary.alreadySent;
        out_ << "Already sent: " << entry.file << " (" << who << "): Message-ID "
             << oneLine(email.messageId) << " went out as " << oneLine(elsewhere->batch) << "/"
             << elsewhere->file << '\n';
      } else {
        ++summary.needsAttention;
        reportTaken(*elsewhere, entry, who,
                    " (as " + oneLine(elsewhere->batch) + "/" + elsewhere->file + ")");
      }
      continue;
    }
    if (options.limit && handed >= *options.limit) {
      ++summary.leftOver;
      continue;
    }
    const std::string to = joined(email.recipients);
    if (options.dryRun) {
      ++handed;
      ++summary.wouldSend;
      out_ << "Would send " << entry.file << " to " << to << " (" << who << ", "
           << oneLine(entry.step) << ")\n";
      continue;
    }

    auto envelope = email.recipients;
    if (!settings_.bcc.empty()) envelope.push_back(settings_.bcc);
    const std::vector<std::string> copies(envelope.begin() + email.recipients.size(),
                                          envelope.end());
    if (handed > 0) pause(settings_.pauseMs);
    ++handed;
    if (!row) {
      sendings.queue(entry.file, client->id, email.messageId);
      row = sendings.find(entry.file, client->id);
    }
    // Only the server being unreachable stops the run; nothing is claimed for it.
    server.connect();
    Sending seen = *row;
    for (std::size_t attempt = 0;; ++attempt) {
      if (!sendings.claim(entry.file, client->id, seen, email.messageId, runner, joined(envelope),
                          resend)) {
        ++summary.alreadySent;
        out_ << "Taken by another kindly send: " << entry.file << " (" << who
             << "); not sent by this one\n";
        break;
      }
      seen.state = "sending";
      ++seen.attempts;
      const ServerReply reply = server.send(email.from, email.recipients, copies, email.data);
      Poco::Data::Transaction after(ledger_.session());
      if (reply.delivery == Delivery::Accepted) {
        try {
          sendings.setState(entry.file, client->id, "sent", replyText(reply));
          store::ContactRecord contact;
          contact.kind = store::ContactKind::Contact;
          contact.day = options.day;
          contact.channel = "email";
          contact.step = entry.step;
          contacts.add(client->id, contact);
          after.commit();
        } catch (const Poco::Exception& e) {
          // The row stays "sending": the next run reports the message as unknown.
          throw Error(entry.file + " went out, but the ledger could not record it (" +
                      store::ledgerFailure(e) +
                      "); the next kindly send reports it as unknown: do not send it again");
        }
        ++summary.sent;
        out_ << "Sent " << entry.file << " to " << to << " (" << who << ", " << oneLine(entry.step)
             << ")\n";
        reportArchiveCopies(out_, entry.file, reply);
        break;
      }
      if (reply.delivery == Delivery::MessageRefused) {
        // The server took the address and refused the message (its content, its size): the
        // address stays good and no note asks for a call; a person looks at the message.
        sendings.setState(entry.file, client->id, "refused", replyText(reply));
        after.commit();
        ++summary.needsAttention;
        out_ << "Refused: " << entry.file << " to " << to << " (" << who
             << "): the server refused the message, not the address (" << replyText(reply)
             << "); after changing it: --resend " << entry.file << '\n';
        break;
      }
      if (reply.delivery == Delivery::Bounced) {
        sendings.setState(entry.file, client->id, "bounced", replyText(reply));
        // A note, not a contact: the step was not carried out, and a person should call.
        store::ContactRecord note;
        note.kind = store::ContactKind::Note;
        note.day = options.day;
        note.text = "Email to " + to + " bounced (" + replyText(reply) +
                    "): call or write instead, and correct the address";
        contacts.add(client->id, note);
        after.commit();
        ++summary.needsAttention;
        out_ << "Bounced: " << entry.file << " to " << to << " (" << who
             << "): " << replyText(reply) << "; a note asks for a call\n";
        break;
      }
      if (reply.delivery == Delivery::Unknown) {
        sendings.setState(entry.file, client->id, "unknown", replyText(reply));
        after.commit();
        ++summary.needsAttention;
        out_ << "Unknown: " << entry.file << " to " << to << " (" << who
             << "): the connection failed before the server confirmed (" << replyText(reply)
             << "); not sent again unless you say --resend " << entry.file << '\n';
        break;
      }
      // A 4xx or a connection lost before the data: the server did not take the message.
      sendings.setState(entry.file, client->id, "failed", replyText(reply));
      after.commit();
      seen.state = "failed";
      if (reply.delivery == Delivery::SenderRefused) {
        // No later message would go out either; the next run tries this one again.
        throw Error("the mail server refused the sender: " + replyText(reply) +
                    "; nothing more was sent: check [mail] from and [smtp] user");
      }
      if (attempt >= settings_.retryDelaysMs.size()) {
        ++summary.needsAttention;
        out_ << "Not sent: " << entry.file << " (" << who << "): " << replyText(reply) << " after "
             << attempt + 1 << " tries; a later kindly send tries again\n";
        break;
      }
      pause(settings_.retryDelaysMs[attempt]);
    }
  }
  if (!options.dryRun) server.close();
  return summary;
}

void BatchSender::reportTaken(const Sending& row, const drafts::BatchEntry& entry,
                              const std::string& who, const std::string& where) {
  if (row.state == "refused") {
    out_ << "Refused earlier, not sent again: " << entry.file << where << " (" << who
         << "): " << oneLine(row.lastReply) << "; after changing the message: --resend "
         << entry.file << '\n';
    return;
  }
  if (row.state == "bounced") {
    out_ << "Bounced earlier, not sent again: " << entry.file << where << " (" << who
         << "): " << oneLine(row.lastReply) << "; after fixing the address: --resend " << entry.file
         << '\n';
    return;
  }
  std::string reason = oneLine(row.lastReply);
  if (row.state == "sending") {
    switch (claimerOf(row.claimedBy)) {
      case Claimer::RunningHere:
        reason = "another kindly send (" + oneLine(row.claimedBy) + ") is sending it now";
        break;
      case Claimer::Elsewhere:
        reason = "a kindly send on another machine (" + oneLine(row.claimedBy) +
                 ") took it up and has not said how it went";
        break;
      case Claimer::Stopped:
        reason = "a run stopped during the exchange with the mail server";
        break;
    }
  }
  out_ << "Unknown, not sent again: " << entry.file << where << " (" << who
       << ") may or may not have reached the server (" << reason
       << "); check the Sent folder or ask the client, then --resend " << entry.file
       << " or kindly log " << shellQuote(entry.clientCode) << " --channel email --step "
       << shellQuote(entry.step) << '\n';
}

}  // namespace kindly::send
