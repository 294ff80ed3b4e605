// The order of writes is what makes a message go out once: "sending" is committed before the
// server sees the message and "sent" right after it takes it, so a run killed in between
// leaves a row that says so, and the next run asks a person instead of guessing.
#include "send/BatchSender.h"

#include <Poco/Data/Transaction.h>
#include <Poco/Path.h>

#include <chrono>
#include <thread>

#include "base/Error.h"
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

std::string replyText(const ServerReply& reply) {
  return reply.code > 0 ? std::to_string(reply.code) + " " + reply.text : reply.text;
}

// An archive copy the server did not take is the archive's loss alone: said, never a bounce.
void reportArchiveCopies(std::ostream& out, const std::string& file, const ServerReply& reply) {
  for (const auto& copy : reply.recipients) {
    if (!copy.archiveCopy || copy.outcome == RecipientOutcome::Accepted) continue;
    out << "For " << file << ", the archive copy to " << copy.address << " was "
        << (copy.outcome == RecipientOutcome::Deferred ? "deferred" : "refused") << ": "
        << copy.code << " " << copy.text << "; the client's message went out ([mail] bcc)\n";
  }
}

}  // namespace

BatchSender::BatchSender(store::Database& ledger, std::string batchDir, SmtpSettings settings,
                         std::ostream& out)
    : ledger_(ledger), batchDir_(std::move(batchDir)), settings_(std::move(settings)), out_(out) {}

SendSummary BatchSender::run(const SendOptions& options) {
  const auto entries = drafts::readManifestJson(batchDir_);
  const std::string batch = Poco::Path(batchDir_).absolute().toString();
  Sendings sendings(ledger_, batch);
  store::ClientLedger clients(ledger_);
  store::ContactLog contacts(ledger_);
  MailServer server(settings_);
  SendSummary summary;
  if (!options.dryRun) sendings.markInterrupted();

  std::size_t handed = 0;  // messages handed to the server this run, for --limit
  for (const auto& entry : entries) {
    if (!options.only.empty() && !options.only.contains(entry.clientCode)) continue;
    const std::string who = entry.clientCode + " " + entry.clientName;
    if (entry.channel != "email") {
      ++summary.toDo;
      out_ << "To do by a person: " << entry.file << " (" << entry.channel << ", " << who
           << "); when done: kindly log " << entry.clientCode << " --channel " << entry.channel
           << " --step " << entry.step << '\n';
      continue;
    }
    const auto row = sendings.find(entry.file);
    const bool resend = options.resend.contains(entry.file);
    if (row && row->state == "sent") {
      ++summary.alreadySent;
      continue;
    }
    if (row && (row->state == "unknown" || row->state == "sending" || row->state == "bounced") &&
        !resend) {
      ++summary.needsAttention;
      if (row->state == "bounced") {
        out_ << "Bounced earlier, not sent again: " << entry.file << " (" << who
             << "): " << row->lastReply << "; after fixing the address: --resend " << entry.file
             << '\n';
      } else {
        out_ << "Unknown, not sent again: " << entry.file << " (" << who
             << ") may or may not have reached the server (" << row->lastReply
             << "); check the Sent folder or ask the client, then --resend " << entry.file
             << " or kindly log " << entry.clientCode << " --channel email --step " << entry.step
             << '\n';
      }
      continue;
    }
    if (row && row->state == "refused" && !resend) {
      ++summary.needsAttention;
      out_ << "Refused earlier, not sent again: " << entry.file << " (" << who
           << "): " << row->lastReply << "; after changing the message: --resend " << entry.file
           << '\n';
      continue;
    }
    const std::string path = batchDir_ + "/" + entry.file;
    const auto draft = readDraftFile(path);
    if (!draft) {
      ++summary.needsAttention;
      out_ << "Skipped " << entry.file << " (" << who << "): deleted from the batch folder\n";
      continue;
    }
    auto email = outgoingEmail(*draft);
    if (email.recipients.empty() || email.from.empty()) {
      ++summary.needsAttention;
      out_ << "Skipped " << entry.file << " (" << who << "): no usable "
           << (email.from.empty() ? "From" : "To") << " address in the draft\n";
      continue;
    }
    const auto client = clients.findClient(entry.clientCode);
    if (!client) {
      ++summary.needsAttention;
      out_ << "Skipped " << entry.file << ": no client " << entry.clientCode << " in the ledger\n";
      continue;
    }
    if (!resend && sendings.sentElsewhere(email.messageId, entry.file)) {
      ++summary.alreadySent;
      out_ << "Already sent: " << entry.file << " (" << who << "): Message-ID " << email.messageId
           << " went out from another batch folder\n";
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
      out_ << "Would send " << entry.file << " to " << to << " (" << who << ", " << entry.step
           << ")\n";
      continue;
    }

    auto envelope = email.recipients;
    if (!settings_.bcc.empty()) envelope.push_back(settings_.bcc);
    const std::vector<std::string> copies(envelope.begin() + email.recipients.size(),
                                          envelope.end());
    if (handed > 0) pause(settings_.pauseMs);
    ++handed;
    {
      Poco::Data::Transaction queued(ledger_.session());
      sendings.queue(entry.file, client->id, email.messageId);
      queued.commit();
    }
    // Only the server being unreachable stops the run; nothing is marked "sending" for it.
    server.connect();
    for (std::size_t attempt = 0;; ++attempt) {
      {
        Poco::Data::Transaction sending(ledger_.session());
        sendings.setState(entry.file, "sending", "", joined(envelope));
        sending.commit();
      }
      const ServerReply reply = server.send(email.from, email.recipients, copies, email.data);
      Poco::Data::Transaction after(ledger_.session());
      if (reply.delivery == Delivery::Accepted) {
        sendings.setState(entry.file, "sent", replyText(reply));
        store::ContactRecord contact;
        contact.kind = store::ContactKind::Contact;
        contact.day = options.day;
        contact.channel = "email";
        contact.step = entry.step;
        contacts.add(client->id, contact);
        after.commit();
        ++summary.sent;
        out_ << "Sent " << entry.file << " to " << to << " (" << who << ", " << entry.step << ")\n";
        reportArchiveCopies(out_, entry.file, reply);
        break;
      }
      if (reply.delivery == Delivery::MessageRefused) {
        // The server took the address and refused the message (its content, its size): the
        // address stays good and no note asks for a call; a person looks at the message.
        sendings.setState(entry.file, "refused", replyText(reply));
        after.commit();
        ++summary.needsAttention;
        out_ << "Refused: " << entry.file << " to " << to << " (" << who
             << "): the server refused the message, not the address (" << replyText(reply)
             << "); after changing it: --resend " << entry.file << '\n';
        break;
      }
      if (reply.delivery == Delivery::Bounced) {
        sendings.setState(entry.file, "bounced", replyText(reply));
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
        sendings.setState(entry.file, "unknown", replyText(reply));
        after.commit();
        ++summary.needsAttention;
        out_ << "Unknown: " << entry.file << " to " << to << " (" << who
             << "): the connection failed before the server confirmed (" << replyText(reply)
             << "); not sent again unless you say --resend " << entry.file << '\n';
        break;
      }
      // A 4xx or a connection lost before the data: the server did not take the message.
      sendings.setState(entry.file, "failed", replyText(reply));
      after.commit();
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

}  // namespace kindly::send
