// A batch's manifest.json read back: the drafts `kindly remind` wrote, in their order.
#pragma once

#include <string>
#include <vector>

#include "drafts/Manifest.h"

namespace kindly::send {

// The entries of BATCH_DIR/manifest.json (sequence, client, name, email, step, channel,
// file; balance and invoices are not read). Throws kindly::Error naming the file when it is
// missing or not a manifest.
std::vector<drafts::BatchEntry> readManifest(const std::string& batchDir);

}  // namespace kindly::send
