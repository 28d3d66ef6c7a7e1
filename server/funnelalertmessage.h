#pragma once

#include "smtpmailer.h"

#include "analytics/funnelalertnotices.h"
#include "analytics/riskhistory.h"

namespace vantage::server {

// The message telling one address of its new funnel alerts: each alert's sentence, its rule and
// the deals behind it, and where to acknowledge or mute it. Translated (the server's language).
MailMessage funnelAlertMessage(const core::FunnelAlertMailing &mailing, const core::RiskHistory &history, const QDate &monday);

} // namespace vantage::server
