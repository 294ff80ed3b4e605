// MappedProfile and readColumnMap: a --map file's columns read as the generic layout's fields,
// its [format] over the sniffed settings, and errors that name the map file and the key.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "base/Error.h"
#include "importers/profiles/MappedProfile.h"
#include "support/TempDir.h"

namespace kindly::importers {
namespace {

using kindly::testing::TempDir;

class Sink : public RecordSink {
 public:
  void invoice(const InvoiceRecord& record) override { invoices.push_back(record); }
  void payment(const PaymentRecord& record) override { payments.push_back(record); }
  void skip(std::string_view) override {}
  void reject(std::optional<std::size_t> column, std::string reason) override {
    rejects.push_back((column ? std::to_string(*column) : "-") + ": " + reason);
  }
  void exportDate(dates::Date) override {}

  std::vector<InvoiceRecord> invoices;
  std::vector<PaymentRecord> payments;
  std::vector<std::string> rejects;
};

const char* const kMap = R"([columns]
invoice_number = Inv #
client_name = Customer
due_date = Payable by
amount = Gross
[format]
date_order = DMY
decimal_mark = comma
encoding = windows-1252
delimiter = ;
)";

std::string errorOf(const std::string& path) {
  SourceOptions options;
  try {
    readColumnMap(path, options);
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

TEST(MappedProfile, formatSettingsOverrideTheSniffedOnes) {
  TempDir dir;
  SourceOptions options;
  const auto map = readColumnMap(dir.write("map.ini", kMap), options);
  EXPECT_EQ(options.parse.dateOrder, dates::DateOrder::DMY);
  EXPECT_EQ(options.parse.decimalMark, money::DecimalMark::Comma);
  EXPECT_EQ(options.table.encoding, "windows-1252");
  EXPECT_EQ(options.table.delimiter, ';');
  EXPECT_EQ(map.columns.size(), 4u);
}

TEST(MappedProfile, readsMappedColumnsAsTheGenericFields) {
  TempDir dir;
  SourceOptions options;
  MappedProfile profile(readColumnMap(dir.write("map.ini", kMap), options));
  const Row header{"Notes", "INV #", "Customer", "Payable by", "Gross"};
  EXPECT_EQ(profile.recognise(header), 4);
  EXPECT_EQ(profile.recognise(Row{"Notes", "Total"}), 0);
  ASSERT_TRUE(profile.start(header, options.parse));
  EXPECT_EQ(profile.kind(), RecordKind::Invoices);
  EXPECT_EQ(profile.columnField(1), "invoice_number");
  EXPECT_EQ(profile.columnField(0), "");

  Sink sink;
  profile.read(Row{"", "F-1", "Müller GmbH", "02/11/2026", "1.234,56"}, sink);
  profile.read(Row{"", "F-2", "Müller GmbH", "02/11/2026", "12,5O"}, sink);
  ASSERT_EQ(sink.invoices.size(), 1u);
  EXPECT_EQ(sink.invoices[0].number, "F-1");
  EXPECT_EQ(sink.invoices[0].clientName, "Müller GmbH");
  EXPECT_EQ(sink.invoices[0].dueDate.iso(), "2026-11-02");
  EXPECT_EQ(sink.invoices[0].amount.toDecimal(), "1234.56");
  EXPECT_EQ(sink.rejects, (std::vector<std::string>{"4: not an amount: '12,5O'"}));
}

TEST(MappedProfile, oneColumnMayHoldTheClientsIdAndName) {
  TempDir dir;
  SourceOptions options;
  MappedProfile profile(readColumnMap(
      dir.write("map.ini",
                "[columns]\ninvoice_number=No\nclient_id=Who\nclient_name=Who\ndue_date=Due\n"
                "amount=Sum\n"),
      options));
  ASSERT_TRUE(profile.start(Row{"No", "Who", "Due", "Sum"}, options.parse));
  EXPECT_EQ(profile.columnField(1), "client_id, client_name");
}

TEST(MappedProfile, mapsAPaymentList) {
  TempDir dir;
  SourceOptions options;
  MappedProfile profile(readColumnMap(
      dir.write("map.ini",
                "[columns]\ninvoice_number=Ref\npayment_date=Received\namount=Paid in\n"),
      options));
  ASSERT_TRUE(profile.start(Row{"Ref", "Received", "Paid in"}, options.parse));
  EXPECT_EQ(profile.kind(), RecordKind::Payments);
}

TEST(MappedProfile, aHeaderWithoutAMappedColumnNamesTheMapAndKey) {
  TempDir dir;
  SourceOptions options;
  const auto path = dir.write("map.ini", kMap);
  MappedProfile profile(readColumnMap(path, options));
  const auto started = profile.start(Row{"Inv #", "Customer", "Gross"}, options.parse);
  ASSERT_FALSE(started);
  EXPECT_EQ(started.error(), path +
                                 ": [columns] due_date = Payable by: the header has no column "
                                 "'Payable by'");
}

TEST(MappedProfile, aMapThatMakesNoListIsRefused) {
  TempDir dir;
  SourceOptions options;
  const auto path = dir.write("map.ini", "[columns]\ninvoice_number=No\ndue_date=Due\n");
  MappedProfile profile(readColumnMap(path, options));
  const auto started = profile.start(Row{"No", "Due"}, options.parse);
  ASSERT_FALSE(started);
  EXPECT_EQ(started.error(), path +
                                 ": [columns]: an invoice list, but no column is mapped to "
                                 "client_id (or client_name); amount (or line_total, or quantity "
                                 "and unit_price)");
}

TEST(MappedProfile, unknownFieldsAndSettingsNameTheMapAndKey) {
  TempDir dir;
  const auto field = dir.write("field.ini", "[columns]\ninvoice_no = Inv\n");
  EXPECT_EQ(errorOf(field).rfind(field + ": [columns] invoice_no: no field 'invoice_no'", 0), 0u)
      << errorOf(field);
  const auto setting = dir.write("setting.ini", "[columns]\namount=Gross\n[format]\nthousands=.\n");
  EXPECT_EQ(errorOf(setting).rfind(setting + ": [format] thousands: no such setting", 0), 0u)
      << errorOf(setting);
  const auto order = dir.write("order.ini", "[columns]\namount=Gross\n[format]\ndate_order=DDMM\n");
  EXPECT_EQ(errorOf(order), order + ": [format] date_order = DDMM: expected DMY, MDY or YMD");
  const auto section = dir.write("section.ini", "[colums]\namount=Gross\n");
  EXPECT_EQ(errorOf(section).rfind(section + ": [colums]: no such section", 0), 0u);
  EXPECT_EQ(errorOf(dir.file("missing.ini")).find("cannot read the map file"),
            dir.file("missing.ini").size() + 2);
}

}  // namespace
}  // namespace kindly::importers
