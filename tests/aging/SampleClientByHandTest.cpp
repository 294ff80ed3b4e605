// One client of the sample business worked out by hand from samples/invoices.csv and
// samples/payments.csv, so that the behaviour figures are checked against arithmetic a
// bookkeeper can follow, not against Kindly's own output.
#include <gtest/gtest.h>

#include <optional>
#include <string>

#include "aging/ClientBehavior.h"
#include "tests/support/AgingFixtures.h"
#include "tests/support/TempDir.h"

namespace kindly::aging {
namespace {

using testing::day;
using testing::usd;

// One client of the sample business as of its demo date, 2026-11-20, as kindly clients shows it.
std::optional<ClientBehavior> sampleClient(const std::string& code) {
  testing::TempDir folder;
  store::Database database(folder.file("kindly.db"));
  AgingOptions options;
  options.asOf = day(2026, 11, 20);
  testing::importSamples(database, options.asOf);
  for (auto& client : clientBehaviors(database, options)) {
    if (client.clientCode == code) return client;
  }
  return std::nullopt;
}

// Marlowe Books (C013) as of 2026-11-20; the window is 2025-11-21 to 2026-11-20.
// Invoices completed in the window (issue, due, paid: days late = paid - due, days to pay =
// paid - issue):
//   INV-1098  2025-11-04  2025-12-04  2026-01-23   50  80
//   INV-1114  2025-12-05  2026-01-04  2026-02-24   51  81
//   INV-1141  2026-01-22  2026-02-21  2026-03-24   31  61
//   INV-1162  2026-03-02  2026-04-01  2026-04-16   15  45
//   INV-1186  2026-04-17  2026-05-17  2026-06-12   26  56
//   INV-1213  2026-05-29  2026-06-28  2026-07-22   24  54
//   INV-1234  2026-07-06  2026-08-05  2026-08-26   21  51   (last 90 days: paid after 08-22)
//   INV-1254  2026-08-13  2026-09-12  2026-09-28   16  46   (last 90 days)
//                                          sums:  234 474
// All eight more than 3 days late. Recent average (21 + 16) / 2 = 18.5 against the earlier
// 197 / 6 = 32.8: improving. Open: INV-1280 2420.00 (due 2026-10-28, 23 days overdue: at
// least 23 days late, so it counts) and INV-1305 2932.50 (due 2026-12-11) = 5352.50.
// Lateness over the nine: (234 + 23) / 9 days late, 0 of 9 on time; days to pay over the
// eight paid.
// DSO by countback: 5352.50 owed against November's sales (INV-1305, 2932.50: the 20 days to
// the as-of date), October's (none: 31 days) and September's (INV-1280, 2420.00: all 30
// days) = 81 days. The part not past due (2932.50) counts back over November's 20 days: ADD
// 81 - 20 = 61.
TEST(SampleClientByHand, marloweBooksPaysEveryInvoiceLateButLessSoLately) {
  const auto marlowe = sampleClient("C013");
  ASSERT_TRUE(marlowe.has_value());

  EXPECT_EQ(marlowe->clientName, "Marlowe Books");
  EXPECT_EQ(marlowe->balances, std::vector<money::Money>{usd(535250)});
  EXPECT_EQ(marlowe->invoicesPaid, 8);
  EXPECT_EQ(marlowe->latePaid, 8);
  EXPECT_EQ(marlowe->timingUnknown, 0);
  EXPECT_EQ(marlowe->openLate, 1);
  EXPECT_DOUBLE_EQ(marlowe->avgDaysLate.value_or(-1), (234.0 + 23) / 9);
  EXPECT_DOUBLE_EQ(marlowe->avgDaysToPay.value_or(-1), 474.0 / 8);
  EXPECT_DOUBLE_EQ(marlowe->onTimeRate.value_or(-1), 0.0);
  EXPECT_EQ(marlowe->trend, "improving");
  EXPECT_EQ(marlowe->dso, 81);
  EXPECT_EQ(marlowe->add, 61);
  EXPECT_EQ(marlowe->lastPayment, day(2026, 9, 28));
  EXPECT_EQ(marlowe->flags, (std::vector<std::string>{"overdue", "repeat-late"}));
}

// Greenleaf Organic Market (C008), a 950.00 monthly retainer, as of 2026-11-20.
// Completed in the window, every one within the 3 grace days:
//   INV-1086 due 2025-11-19 paid 2025-11-21  2 days late
//   INV-1103, INV-1122, INV-1138, INV-1156, INV-1173, INV-1191 (the last paid 2026-05-19)
//   paid on or before their due dates: 0 days late each
// Open, seven invoices, 6650.00:
//   INV-1206 due 2026-06-19  154 days past due    INV-1278 due 2026-10-18   33
//   INV-1224 due 2026-07-19  124                  INV-1294 due 2026-11-19    1 (in grace)
//   INV-1241 due 2026-08-19   93                  INV-1310 due 2026-12-20  not yet due
//   INV-1257 due 2026-09-19   62
// The five past the grace count as late: (2 + 154 + 124 + 93 + 62 + 33) / 12 = 39.0 days
// late on average, 7 of 12 on time. Nothing paid for 185 days against a monthly rhythm:
// stopped paying. DSO: 6650.00 is the sales of November (20 days) back to May (31): 20 + 31 +
// 30 + 31 + 31 + 30 + 31 = 204 days; the 950.00 not yet past due is November's: ADD 184.
TEST(SampleClientByHand, greenleafHasStoppedPayingAndItsOpenInvoicesSaySo) {
  const auto greenleaf = sampleClient("C008");
  ASSERT_TRUE(greenleaf.has_value());

  EXPECT_EQ(greenleaf->balances, std::vector<money::Money>{usd(665000)});
  EXPECT_EQ(greenleaf->invoicesPaid, 7);
  EXPECT_EQ(greenleaf->latePaid, 0);
  EXPECT_EQ(greenleaf->openLate, 5);
  EXPECT_DOUBLE_EQ(greenleaf->avgDaysLate.value_or(-1), 468.0 / 12);
  EXPECT_DOUBLE_EQ(greenleaf->onTimeRate.value_or(-1), 7.0 / 12);
  EXPECT_EQ(greenleaf->lastPayment, day(2026, 5, 19));
  EXPECT_EQ(greenleaf->dso, 204);
  EXPECT_EQ(greenleaf->add, 184);
  EXPECT_EQ(greenleaf->flags, (std::vector<std::string>{"overdue", "stopped-paying"}));
}

}  // namespace
}  // namespace kindly::aging
