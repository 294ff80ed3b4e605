// One client of the sample business worked out by hand from samples/invoices.csv and
// samples/payments.csv, so that the behaviour figures are checked against arithmetic a
// bookkeeper can follow, not against Kindly's own output.
#include <gtest/gtest.h>

#include <algorithm>

#include "aging/ClientBehavior.h"
#include "tests/support/AgingFixtures.h"
#include "tests/support/TempDir.h"

namespace kindly::aging {
namespace {

using testing::day;
using testing::usd;

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
// 197 / 6 = 32.8: improving. Open: INV-1280 2420.00 (due 2026-10-28, 23 days overdue) and
// INV-1305 2932.50 = 5352.50. Invoiced in the window (issued after 2025-11-20): INV-1114 to
// INV-1305 = 23407.50; DSO = 5352.50 / 23407.50 x 365 = 83.46, so 83.
TEST(SampleClientByHand, marloweBooksPaysEveryInvoiceLateButLessSoLately) {
  testing::TempDir folder;
  store::Database database(folder.file("kindly.db"));
  const auto asOf = day(2026, 11, 20);
  testing::importSamples(database, asOf);
  AgingOptions options;
  options.asOf = asOf;
  const auto all = clientBehaviors(database, options);
  const auto marlowe = std::find_if(all.begin(), all.end(), [](const ClientBehavior& client) {
    return client.clientCode == "C013";
  });
  ASSERT_NE(marlowe, all.end());

  EXPECT_EQ(marlowe->clientName, "Marlowe Books");
  EXPECT_EQ(marlowe->balances, std::vector<money::Money>{usd(535250)});
  EXPECT_EQ(marlowe->invoicesPaid, 8);
  EXPECT_EQ(marlowe->latePaid, 8);
  EXPECT_DOUBLE_EQ(marlowe->avgDaysLate.value_or(-1), 234.0 / 8);
  EXPECT_DOUBLE_EQ(marlowe->avgDaysToPay.value_or(-1), 474.0 / 8);
  EXPECT_DOUBLE_EQ(marlowe->onTimeRate.value_or(-1), 0.0);
  EXPECT_EQ(marlowe->trend, "improving");
  EXPECT_EQ(marlowe->dso, 83);
  EXPECT_EQ(marlowe->flags, (std::vector<std::string>{"overdue", "repeat-late"}));
}

}  // namespace
}  // namespace kindly::aging
