// For the profile tests: a RecordSink that keeps everything a profile makes of its rows, so a
// test can check it, and rowOf() to give a profile a row written as a list of strings.
#pragma once

#include <gtest/gtest.h>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "importers/Profile.h"

namespace kindly::testing {

// A row as a profile reads it; the row views `cells`, which must outlive it.
inline importers::Row rowOf(const std::vector<std::string>& cells) {
  return importers::Row(cells.begin(), cells.end());
}

// Keeps what a profile makes of each row.
class RecordingSink : public importers::RecordSink {
 public:
  void invoice(const importers::InvoiceRecord& record) override { invoices.push_back(record); }
  void payment(const importers::PaymentRecord& record) override { payments.push_back(record); }
  void skip(std::string_view kind) override { skips.emplace_back(kind); }
  void reject(std::optional<std::size_t> column, std::string reason) override {
    rejects.emplace_back(column, std::move(reason));
  }
  void exportDate(dates::Date date) override { exported = date; }

  // How many rows ended in an invoice, payment, skip or reject: one per row read.
  std::size_t outcomes() const {
    return invoices.size() + payments.size() + skips.size() + rejects.size();
  }

  std::vector<importers::InvoiceRecord> invoices;
  std::vector<importers::PaymentRecord> payments;
  std::vector<std::string> skips;
  std::vector<std::pair<std::optional<std::size_t>, std::string>> rejects;
  std::optional<dates::Date> exported;
};

// For exports that hold only invoices: a payment fails the test.
class InvoicesOnlySink : public RecordingSink {
 public:
  void payment(const importers::PaymentRecord&) override { ADD_FAILURE() << "a payment"; }
};

}  // namespace kindly::testing
