"""The words of a product organisation, combined by benchmarks/history.py.

Customers and vendors are the usual fictional companies; people are invented.
"""

# fmt: off

FIRST_NAMES = (
    "Ana", "Bo", "Chen", "Dara", "Elif", "Farah", "Gabriel", "Hana", "Ines", "Jonas",
    "Kofi", "Lena", "Mateo", "Nadia", "Oren", "Priyanka", "Quinn", "Rosa", "Samir", "Tuva",
    "Uma", "Viktor", "Wen", "Ximena", "Yusuf", "Zofia", "Amara", "Björn", "Camille", "Diego",
    "Esther", "Felix", "Greta", "Hiro", "Isaac", "Julia", "Karan", "Lucía", "Malik", "Noor",
    "Olga", "Pedro", "Rania", "Sven", "Tariq", "Valentina", "Wiktor", "Yara", "Zane", "Aiko",
)
LAST_NAMES = (
    "Souza", "Lindqvist", "Wang", "Okafor", "Yılmaz", "Haddad", "Moreau", "Sato", "Castro",
    "Becker", "Mensah", "Fischer", "Rossi", "Petrova", "Levi", "Iyer", "Murphy", "Alvarez",
    "Nasser", "Berg", "Reddy", "Novak", "Zhou", "Ramírez", "Demir", "Kowalska", "Adeyemi",
    "Johansson", "Dubois", "Herrera", "Cohen", "Schmidt", "Larsen", "Tanaka", "Brooks",
    "Kim", "Mehta", "Ortega", "Farouk", "Rahman", "Ivanova", "Costa", "Aziz", "Nilsen",
    "Khan", "Greco", "Nowak", "Shapiro", "Doyle", "Mori",
)

# Who the CoS escalates to.
LEADERS = (
    "Priya Raman", "Tomás Ferreira", "Grace Liu", "Daniel Osei", "Helena Novak",
    "Marcus Bell", "Aisha Karim", "Jonas Weber",
)

CUSTOMERS = (
    "Contoso", "Fabrikam", "Northwind", "Tailspin Toys", "Woodgrove Bank", "Adventure Works",
    "Litware", "Proseware", "Wide World Importers", "Fourth Coffee", "Alpine Ski House",
    "Blue Yonder Airlines", "Coho Winery", "Lamna Healthcare", "Margie's Travel",
)
VENDORS = (
    "Stripe", "Adyen", "Twilio", "Segment", "Auth0", "Okta", "Algolia", "Elastic",
    "Datadog", "LaunchDarkly", "Braze", "Zendesk", "Snowflake", "Lokalise", "Sentry",
)
# Engineering teams: what other work depends on.
TEAMS = (
    "Platform", "Payments", "Identity", "Data", "Mobile", "Web", "Growth", "Infra",
    "Security", "SRE", "Search", "Billing", "Core API",
)
REGIONS = ("the EU", "the UK", "Brazil", "India", "Japan", "Canada", "Australia", "the US")

AREAS = (
    "Checkout", "Search", "Onboarding", "Billing", "Mobile app", "Notifications",
    "Identity & SSO", "Data platform", "Pricing & packaging", "Marketplace",
    "Enterprise admin", "Reporting", "Payments", "Growth experiments", "Localization",
    "Accessibility", "Trust & safety", "Developer API", "Integrations", "Design system",
    "Recommendations", "Customer support tooling", "Partner portal", "Analytics",
)
INITIATIVES = (
    "v2 rollout", "redesign", "EU launch", "self-serve upgrade path", "general availability",
    "beta with design partners", "consolidation", "replatforming", "performance push",
    "SOC 2 readiness", "cost reduction", "usage-based pricing", "enterprise readiness",
    "migration off the monolith", "mobile parity", "accessibility audit fixes",
)
OBJECTIVES = (
    "Lift conversion by {pct}% without raising support load",
    "Ship to all tiers by the end of {quarter}",
    "Cut p95 latency below {ms} ms for the top {n} customers",
    "Unblock {customer}'s renewal by meeting their compliance list",
    "Halve time-to-value for new workspaces",
    "Retire the legacy stack and its on-call burden by {quarter}",
    "Open {region} with local payment methods and data residency",
    "Reduce infrastructure cost per active account by {pct}%",
)

STATUS_NOTES = {
    "on_track": (
        "Milestone {n} landed on schedule",
        "Beta cohort growing; no new risks this week",
        "Design review passed; build on plan",
        "Load test green at 2x peak",
        "Design partners signed off on the scope",
        "",
    ),
    "at_risk": (
        "Dependency on {team} slipping by two weeks",
        "Scope creep from {customer} requests; trimming",
        "Two engineers out; plan holds only if nothing else slips",
        "Vendor API changes under review",
        "Security review not yet scheduled",
    ),
    "off_track": (
        "Launch date missed; new date depends on {team}",
        "Critical bug in migration; rollback done",
        "Key engineer left; re-planning with {team}",
        "Legal blocked the rollout in {region}",
    ),
    "paused": (
        "Paused for the {quarter} planning freeze",
        "Team moved to the incident follow-ups for two weeks",
        "On hold until the pricing decision lands",
    ),
    "done": (
        "Shipped to 100%; handing over to business as usual",
        "Objective met; closing after the retro",
        "Descoped remainder moved to the backlog",
    ),
}

NEXT_DECISION_POINTS = (
    "Go / no-go for general availability",
    "Pick the vendor for {area}",
    "Decide the {region} launch date",
    "Confirm scope for {quarter}",
    "Approve headcount for the second team",
    "Choose the pricing for the new tier",
    "Sign off the migration cutover plan",
    "Decide whether to extend the beta",
)

WORKSTREAM_ESCALATIONS = (
    "Needs an executive call on scope versus date",
    "Cross-team dependency unresolved for three weeks",
    "Budget overrun needs approval",
    "{customer} renewal at risk",
    "Two VPs disagree on the priority",
)
DEESCALATIONS = (
    "Scope agreed in the product review",
    "Dependency delivered",
    "Budget approved",
    "Customer confirmed the renewal",
    "",
)
CLOSINGS = (
    "Shipped and handed over to business as usual",
    "Objective met; metrics moved to the quarterly review",
    "Folded into the {area} workstream",
    "Stopped: the strategy bet did not hold",
)

# A decision: its question and the options usually on the table.
DECISIONS = (
    ("Build or buy {capability}?",
     ("Build in-house", "Buy from {vendor}", "Extend the open-source option")),
    ("Ship {area} behind a feature flag or as a hard cutover?",
     ("Feature flag, staged by cohort", "Hard cutover on one date", "Opt-in beta first")),
    ("Do we launch {area} in {region} before {quarter}?",
     ("Launch now with a reduced scope", "Wait for the full scope", "Launch with a partner")),
    ("Price the new tier per seat or per usage?",
     ("Per seat", "Per usage", "Hybrid: seats plus usage overage")),
    ("Sunset the legacy {area} in {quarter}?",
     ("Sunset on schedule", "Extend support six months", "Sunset for new customers only")),
    ("Which vendor for {capability}?",
     ("{vendor}", "{vendor2}", "Stay on the current provider")),
    ("Do we give {customer} a custom contract clause for {area}?",
     ("Yes, time-boxed to one year", "No, standard terms only", "Yes, as a paid add-on")),
    ("Staff the {area} team from {team} or hire?",
     ("Move two engineers from {team}", "Open two requisitions", "Use a contractor team")),
    ("Keep the {quarter} date for {area} or cut scope?",
     ("Keep the date, cut scope", "Keep the scope, move the date", "Add people")),
    ("Default {area} on for existing customers?",
     ("On by default", "Off by default, promoted in-app", "On for new customers only")),
)
CAPABILITIES = (
    "feature flags", "in-app messaging", "search relevance", "fraud scoring",
    "translation management", "SSO and SCIM", "usage metering", "session replay",
    "experimentation", "tax calculation",
)
EXTRA_OPTIONS = (
    "Do nothing this quarter", "Run a two-week spike first", "Ask {customer} to co-fund it",
    "Split it into two phases", "Defer to the annual planning",
)
PROBLEMS = (
    "{customer} and two other enterprise accounts are blocked on this",
    "Support volume on {area} doubled since the last release",
    "The current approach will not scale past {n}k accounts",
    "We are paying twice for overlapping tools",
    "Competitors shipped this last quarter and sales hears about it weekly",
    "The contract with {vendor} renews in {n} weeks",
)
CONTEXTS = (
    "Interviews with {n} customers: most care about reliability over new features",
    "Funnel data shows the drop-off at step {n}",
    "Finance wants payback inside 12 months",
    "{team} is at capacity until {quarter}",
    "Design partners asked for it in every session",
    "",
)
REASONINGS = (
    "Reversible within a quarter and the cheapest way to learn",
    "Matches the strategy bet on the mid-market segment",
    "Half the engineering estimate of the alternatives",
    "The only option that meets the data residency requirement",
    "Evidence from {n} design partners points this way",
    "Keeps {team} focused on the platform migration",
    "Best payback: under {n} months on current pricing",
)
REJECTION_GROUNDS = (
    "Too slow: {n} months before any customer value",
    "Locks us into a single vendor's pricing",
    "Needs headcount we do not have this year",
    "Fails the data residency requirement",
    "Splits the roadmap across two teams",
    "Sales cannot explain it in one sentence",
    "Higher risk for the largest accounts",
)
EXPECTED = (
    "Conversion up {pct}% within two quarters",
    "Support tickets on {area} down by a third",
    "{customer} renews and expands",
    "Migration finished by the end of {quarter}",
    "Gross margin up {pct} points",
    "",
)
REOPEN_CONDITIONS = (
    "Churn in the segment rises above {pct}%",
    "{vendor} raises prices by more than 20%",
    "Adoption below {pct}% after 90 days",
    "Regulation changes in {region}",
    "A second enterprise customer asks for the alternative",
)
DEFERRALS = (
    "Waiting for the pricing research readout",
    "Needs the {quarter} budget first",
    "Decider out this week",
    "Legal opinion not back yet",
    "Depends on the {team} team's capacity plan",
)
REOPENINGS = (
    "The reopen condition was met",
    "New data from the beta contradicts the assumption",
    "{customer} escalated through their account team",
    "Cost came in 40% above the estimate",
)
WITHDRAWALS = (
    "Overtaken by the reorganisation",
    "The problem went away with the {area} release",
    "Merged into a broader decision",
    "Not ours to decide; handed to {team}",
)

BLOCKERS = (
    "Legal review of the DPA with {vendor}",
    "Waiting on {team} to raise the API rate limit",
    "Security review pending for {area}",
    "No design capacity until {quarter}",
    "Flaky end-to-end tests block the release train",
    "Data residency requirement unclear for {region}",
    "App store review rejected build {n}",
    "Vendor contract with {vendor} not signed",
    "Backend requisition unfilled for {n} weeks",
    "{team} migration slipping; our cutover depends on it",
    "Tax rules for {region} not confirmed by Finance",
    "Production access for contractors not approved",
    "Translation vendor missing {n} strings",
    "Analytics events missing from the {area} funnel",
    "Budget for {capability} not approved",
)
DEPENDS_ON = (
    "{team} team", "Legal", "{vendor}", "Finance sign-off", "the {quarter} budget",
    "Security team", "the platform migration", "",
)
BLOCKER_ESCALATIONS = (
    "Blocking the launch date",
    "Open for more than two weeks with no owner action",
    "Needs a budget decision above the team",
    "Cross-team priority conflict",
    "{customer} waiting on it for their renewal",
)
RESOLUTIONS = (
    "Reviewed and approved",
    "Contract signed",
    "{team} delivered the change",
    "Worked around it with a feature flag",
    "Scope cut; no longer needed",
    "Capacity freed after the reprioritisation",
    "Fixed and verified in staging",
)
BLOCKER_REOPENINGS = (
    "The fix did not hold in production",
    "Approval was conditional and the condition failed",
    "Vendor reversed the change",
    "Regression in the last release",
)

# The demo's operating rhythm: name, cadence, purpose, weekday (0 = Monday), theater.
DEMO_RITUALS = (
    ("Weekly product staff meeting", "weekly",
     "Decide what is stuck; escalate what the team cannot", 3, False),
    ("Product review", "biweekly", "Review shipped work against outcomes", 1, False),
    ("Launch readiness review", "weekly", "Go / no-go for the week's launches", 2, False),
    ("Metrics review", "weekly", "Walk the north-star and guardrail metrics", 0, True),
)

RITUALS = (
    ("Weekly product staff meeting", "weekly",
     "Decide what is stuck; escalate what the team cannot"),
    ("Product review", "biweekly", "Review shipped work against outcomes"),
    ("Roadmap council", "monthly", "Trade off the next quarter's bets"),
    ("Design critique", "weekly", "Critique work in progress before it is built"),
    ("Launch readiness review", "weekly", "Go / no-go for the week's launches"),
    ("Growth experiment review", "weekly", "Read out experiments and pick the next ones"),
    ("Pricing council", "monthly", "Decide pricing and packaging changes"),
    ("Platform architecture review", "biweekly", "Agree on cross-team technical direction"),
    ("Customer advisory sync", "monthly", "Hear the largest customers' priorities"),
    ("Quarterly business review", "quarterly", "Review the quarter against plan"),
    ("Async weekly update", "weekly", "Written status from every workstream"),
    ("Metrics review", "weekly", "Walk the north-star and guardrail metrics"),
    ("Incident review", "weekly", "Learn from the week's incidents"),
    ("Go-to-market sync", "biweekly", "Align launches with sales and marketing"),
    ("Support escalations triage", "weekly", "Route the top support escalations"),
)
AREA_RITUAL_KINDS = (
    ("{area} weekly sync", "weekly", "Keep {area} unblocked across teams"),
    ("{area} retrospective", "monthly", "Learn from the last {area} cycle"),
    ("{area} roadmap review", "biweekly", "Keep the {area} roadmap honest"),
)
HELD_NOTES = (
    "Good discussion; owners confirmed",
    "Ran long on {area}",
    "Half the room missing for the offsite",
    "Quick one: nothing controversial",
    "",
    "",
)
THEATER_NOTES = (
    "Status round-robin; nothing needed a decision",
    "Read-out of updates already in the doc",
    "Cancelled halfway: no agenda",
    "",
)
RETIREMENTS = (
    "Last {n} occurrences informed no decision and surfaced no blocker; "
    "replaced by the async weekly update",
    "Process theater: {n} meetings in a row with no decision; merged into the product review",
    "No longer earns its time; status moves to the written update",
)

ACTIONS = (
    "Write the one-pager for {area}",
    "Share the decision with {team}",
    "Get a quote from {vendor}",
    "Update the roadmap slide for {quarter}",
    "Schedule the security review for {area}",
    "Draft the customer comms for {customer}",
    "Book the go / no-go meeting",
    "Collect churn reasons from the last {n} cancellations",
    "Pair {team} with the {area} team on the migration plan",
    "Confirm the launch date with marketing",
    "Send the pricing proposal to Finance",
    "Follow up with {customer}'s account team",
)
ACTION_COMPLETIONS = ("Done", "Shared in the channel", "Sent; reply expected this week", "", "")
ACTION_DROPS = (
    "No longer needed after the decision changed",
    "Owner left; superseded by a new action",
    "Overtaken by the reorg",
    "Duplicate of another action",
)

NOTES = {
    "signal": (
        "{customer} mentioned {area} as a churn risk in their QBR",
        "Support tickets about {area} up {pct}% week over week",
        "{n} of the last 20 lost deals cited {capability}",
        "NPS comments mention {area} performance {n} times this month",
    ),
    "bet": (
        "If we fix {area}, activation rises {pct}% within two quarters",
        "Usage-based pricing will grow expansion revenue in the mid-market",
        "{region} is worth a local team by {quarter}",
    ),
    "question": (
        "Do we know why {area} adoption stalls after week two?",
        "Who owns {capability} once the migration ends?",
        "Is {customer} representative of the segment or an outlier?",
    ),
    "debate": (
        "Resolved: {area} stays in the core plan; no add-on",
        "Resolved: we do not build {capability} ourselves",
        "Open debate: speed of the {region} launch versus compliance depth",
    ),
    "must-say": (
        "The {area} date is not achievable without the {team} team's help; say it plainly",
        "We are over budget on {capability}; ask for the decision, not sympathy",
        "{customer} will churn if nothing ships in {quarter}",
    ),
    "position": (
        "{leader} backs the hard cutover for {area}",
        "{team} opposes moving engineers before {quarter}",
        "{leader} wants the {region} launch before the board meeting",
        "Sales leadership prefers per-seat pricing for predictability",
    ),
}
