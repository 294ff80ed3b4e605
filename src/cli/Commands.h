// The commands of `kindly`, one class each; their run() lives in a file of its own.
#pragma once

#include "cli/Command.h"

namespace kindly::cli {

class ImportCommand : public Command {
 public:
  std::string name() const override { return "import"; }
  std::string usage() const override {
    return "import FILE... [--dry-run] [--format NAME] [--map FILE] [--inspect] [--sheet NAME] "
           "[--date-order DMY|MDY|YMD] [--decimal-comma] [--currency CODE] [--as-of DATE] | "
           "import --undo-last [--dry-run] [--reason TEXT] [--as-of DATE]";
  }
  std::string summary() const override {
    return "load invoices and payments; the same file twice changes nothing; --undo-last takes "
           "the latest import back";
  }
  std::vector<std::string> options() const override {
    return {"dry-run", "date-order", "decimal-comma", "currency",  "as-of", "format",
            "map",     "inspect",    "sheet",         "undo-last", "reason"};
  }
  int run(const std::vector<std::string>& args, Context& context) override;
};

class RejectsCommand : public Command {
 public:
  std::string name() const override { return "rejects"; }
  std::string usage() const override { return "rejects [--all] [--format table|csv|json]"; }
  std::string summary() const override {
    return "list the rows imports set aside, with file, line, column and reason";
  }
  std::vector<std::string> options() const override { return {"all", "format"}; }
  int run(const std::vector<std::string>& args, Context& context) override;
};

class AgingCommand : public Command {
 public:
  std::string name() const override { return "aging"; }
  std::string usage() const override {
    return "aging [--as-of DATE] [--basis due|issue] [--buckets 30,60,90] [--client CODE] "
           "[--currency CODE] [--format table|csv|json]";
  }
  std::string summary() const override {
    return "open balances per client and currency, by days overdue";
  }
  std::vector<std::string> options() const override {
    return {"as-of", "basis", "buckets", "grace-days", "client", "currency", "format"};
  }
  int run(const std::vector<std::string>& args, Context& context) override;
};

class ClientsCommand : public Command {
 public:
  std::string name() const override { return "clients"; }
  std::string usage() const override {
    return "clients [--as-of DATE] [--flag F] [--sort code|name|balance|late|dso] "
           "[--format table|csv|json]";
  }
  std::string summary() const override {
    return "how each client pays: lateness, DSO, and flags to act on";
  }
  std::vector<std::string> options() const override {
    return {"as-of", "grace-days", "flag", "sort", "format"};
  }
  int run(const std::vector<std::string>& args, Context& context) override;
};

class ForecastCommand : public Command {
 public:
  std::string name() const override { return "forecast"; }
  std::string usage() const override {
    return "forecast [--as-of DATE] [--client CODE] [--format table|csv|json]";
  }
  std::string summary() const override {
    return "expected collections per week for 13 weeks, from each client's own history";
  }
  std::vector<std::string> options() const override {
    return {"as-of", "grace-days", "client", "format"};
  }
  int run(const std::vector<std::string>& args, Context& context) override;
};

class PlanCommand : public Command {
 public:
  std::string name() const override { return "plan"; }
  std::string usage() const override {
    return "plan [--as-of DATE] [--client CODE] [--format table|csv|json]";
  }
  std::string summary() const override {
    return "each client's next follow-up: when, which step, which channel, and why";
  }
  std::vector<std::string> options() const override {
    return {"as-of", "grace-days", "client", "format"};
  }
  int run(const std::vector<std::string>& args, Context& context) override;
};

class ReportCommand : public Command {
 public:
  std::string name() const override { return "report"; }
  std::string usage() const override {
    return "report FILE.xlsx [--as-of DATE] | report --format csv|json DIR [--as-of DATE]";
  }
  std::string summary() const override {
    return "write the owner's Excel aging workbook, or its tables as CSV or JSON files";
  }
  std::vector<std::string> options() const override {
    return {"as-of", "basis", "buckets", "grace-days", "format"};
  }
  int run(const std::vector<std::string>& args, Context& context) override;
};

class RemindCommand : public Command {
 public:
  std::string name() const override { return "remind"; }
  std::string usage() const override {
    return "remind [--as-of DATE] [--through DATE] [--out DIR] [--templates DIR] [--stale-ok]";
  }
  std::string summary() const override {
    return "draft the follow-ups due today (emails, call scripts, letters) for a person to review; "
           "a person's changes to the day's batch are kept";
  }
  std::vector<std::string> options() const override {
    return {"as-of", "through", "out", "templates", "grace-days", "stale-ok"};
  }
  int run(const std::vector<std::string>& args, Context& context) override;
};

class LintTemplatesCommand : public Command {
 public:
  std::string name() const override { return "lint-templates"; }
  std::string usage() const override { return "lint-templates [DIR]"; }
  std::string summary() const override {
    return "check reminder templates for tone: no threats, no shouting, thanks and help";
  }
  std::vector<std::string> options() const override { return {}; }
  int run(const std::vector<std::string>& args, Context& context) override;
};

class LogCommand : public Command {
 public:
  std::string name() const override { return "log"; }
  std::string usage() const override {
    return "log CLIENT|INVOICE [--as-of DATE] [--channel email|call|letter|visit|other] "
           "[--outcome reached|voicemail|no-answer|promised|disputed|paid-already] "
           "[--promise DATE] [--step NAME] [--dispute TEXT] [--resolved TEXT] [--note TEXT] | "
           "log CLIENT|INVOICE --retract ID [--reason TEXT] [--as-of DATE]";
  }
  std::string summary() const override {
    return "record a contact and its outcome, a promise to pay, a dispute, its resolution, a "
           "note; --retract withdraws one logged by mistake";
  }
  std::vector<std::string> options() const override {
    return {"as-of",   "channel",  "outcome", "promise", "step",
            "dispute", "resolved", "note",    "retract", "reason"};
  }
  int run(const std::vector<std::string>& args, Context& context) override;
};

class WriteOffCommand : public Command {
 public:
  std::string name() const override { return "writeoff"; }
  std::string usage() const override {
    return "writeoff INVOICE --reason TEXT [--undo] [--as-of DATE]";
  }
  std::string summary() const override {
    return "write an invoice off, or undo that; a person's act with a reason, kept forever";
  }
  std::vector<std::string> options() const override { return {"as-of", "reason", "undo"}; }
  int run(const std::vector<std::string>& args, Context& context) override;
};

class ClientCommand : public Command {
 public:
  std::string name() const override { return "client"; }
  std::string usage() const override { return "client CODE [--as-of DATE]"; }
  std::string summary() const override {
    return "one client's story: balance, how it pays, a dated timeline, open invoices, flags";
  }
  std::vector<std::string> options() const override { return {"as-of", "grace-days"}; }
  int run(const std::vector<std::string>& args, Context& context) override;
};

class SendCommand : public Command {
 public:
  std::string name() const override { return "send"; }
  std::string usage() const override {
    return "send BATCH_DIR [--dry-run] [--only CLIENT...] [--limit N] [--resend FILE...] "
           "[--as-of DATE] [--stale-ok]";
  }
  std::string summary() const override {
    return "send a reviewed batch's emails, each exactly once, and log them as contacts";
  }
  std::vector<std::string> options() const override {
    return {"as-of", "dry-run", "only", "limit", "resend", "stale-ok"};
  }
  int run(const std::vector<std::string>& args, Context& context) override;
};

}  // namespace kindly::cli
