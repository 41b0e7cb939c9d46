"""The words of a product organisation, combined by benchmarks/history.py.

Customers and vendors are the usual fictional companies; people are invented.
The org profile combines the pools below freely; the demo quarter (at the end)
tells each workstream from its own story, so its items read as one organisation.
"""

from datetime import date
from typing import NamedTuple

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

RITUALS = (
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


# ---- the demo quarter: an AI product company, August to November 2026 ------------
#
# It sells an enterprise assistant, an agent builder and an API on its own model
# family, Kestrel. Each workstream is told from its story: its decisions and blockers
# in the order they come up, the actions and notes that belong to it.


class DemoDecision(NamedTuple):
    question: str
    problem: str
    context: str
    # (option, why choose it, why not): the reasoning if chosen, the grounds if rejected.
    options: tuple[tuple[str, str, str], ...]
    expected: str
    reopen: tuple[str, ...]
    action: str  # the follow-up once it is made, whichever option won
    note: tuple[str, str] | None = None  # (kind, text) someone logs about it
    revises: int | None = None  # the earlier decision of the story it supersedes, once made


class DemoBlocker(NamedTuple):
    title: str
    severity: str
    depends_on: str
    resolution: str


class DemoWorkstream(NamedTuple):
    title: str
    area: str  # how a meeting note names it: "Ran long on {area}"
    objective: str
    leaders: tuple[str, ...]  # who it is escalated to; the first one decides
    status: dict[str, tuple[str, ...]]  # state -> notes
    points: tuple[str, ...]  # next decision points
    escalations: tuple[str, ...]
    closing: str
    decisions: tuple[DemoDecision, ...]
    blockers: tuple[DemoBlocker, ...]
    actions: tuple[str, ...]
    notes: tuple[tuple[str, str], ...]  # (kind, text)
    finishes: bool = False  # can be done within the quarter, once its decisions are raised


DEMO_WORKSTREAMS = (
    DemoWorkstream(
        title="Agent builder GA",
        area="the agent builder",
        objective="Take the agent builder from beta to general availability for enterprise "
        "tenants, with tool-call success above 95% on the agent eval suite",
        leaders=("Priya Raman", "Aisha Karim", "Tomás Ferreira"),
        status={
            "on_track": (
                "Beta at 42 tenants; tool-call success 96.1% on the eval suite",
                "Workflow templates shipped to the beta; design partners use them daily",
                "Connector SDK docs published; three partners building against it",
            ),
            "at_risk": (
                "Tool-call success dipped to 93% after the planner change; fix in review",
                "GA date holds only if the safety review closes this month",
                "One run in eight hits the 15-minute cap; async runs not yet staffed",
            ),
            "off_track": (
                "GA slips two weeks: red team found a sandbox escape in code execution",
                "Planner regression on multi-step tasks; rolled back to last week's build",
            ),
            "paused": ("Paused while the team helps the Kestrel 4 migration for two weeks",),
            "done": ("GA shipped to every enterprise tenant; handed over to the agents roadmap",),
        },
        points=(
            "Go / no-go for agent builder GA",
            "Sign off the tool-use safety review for GA",
            "Approve the GA price list for agent runs",
        ),
        escalations=(
            "GA date needs an executive call: ship with code execution off, or slip",
            "Safety and Product disagree on which tools ship at GA",
        ),
        closing="GA shipped; the remaining work moves to the agents roadmap",
        decisions=(
            DemoDecision(
                question="Which tools ship on by default at agent builder GA?",
                problem="Beta tenants switch on every tool; the safety review has cleared "
                "only the read-only ones",
                context="Red team found two prompt-injection paths through web browsing; "
                "code execution is sandboxed but not yet audited",
                options=(
                    ("Read-only tools on; browsing and code execution opt-in per tenant",
                     "Ships only what the safety review cleared and lets admins opt in "
                     "knowingly",
                     "Design partners who rely on code execution lose it by default"),
                    ("Every beta tool on by default",
                     "Matches what design partners use today; no visible regression at GA",
                     "Ships two known injection paths to every tenant on day one"),
                    ("Hold GA until every tool clears review",
                     "One launch story with the full tool set",
                     "Adds at least six weeks and breaks the date promised to design partners"),
                ),
                expected="GA on time with no Sev-1 from tool misuse in the first 60 days",
                reopen=("A prompt-injection incident through an opt-in tool",
                        "The safety review clears browsing before GA"),
                action="Write the admin guidance on which tools are on at GA",
                note=("position", "Marcus Bell wants every tool on at GA; Aisha Karim will "
                      "not sign off browsing until the injection fixes land"),
            ),
            DemoDecision(
                question="Do agent runs longer than 15 minutes move to an async queue for GA?",
                problem="12% of beta runs hit the 15-minute cap and fail without a result",
                context="Async runs need a job store and notifications; Inference Platform "
                "estimates five weeks",
                options=(
                    ("Async queue for long runs, with a notification on completion",
                     "Fixes the largest source of failed runs and matches how customers "
                     "use agents for batch work",
                     "Five weeks of Inference Platform time that nobody has budgeted"),
                    ("Raise the cap to 60 minutes and keep runs synchronous",
                     "A two-line change with no new infrastructure",
                     "Holds GPU sessions open for an hour and breaks on every client timeout"),
                    ("Keep the cap and document batching patterns",
                     "No engineering cost",
                     "Leaves one run in eight failing at GA"),
                ),
                expected="Timeouts below 2% of agent runs by GA",
                reopen=("Async queue costs more than 3 cents per run",
                        "Timeouts still above 5% of runs a month after launch"),
                action="Tell the design partners how long agent runs will work at GA",
            ),
            DemoDecision(
                question="Price agent runs per token or per run at GA?",
                problem="Runs are free in the beta; Finance needs a price list four weeks "
                "before GA",
                context="The median run uses 38k tokens but the tail reaches 2M; competitors "
                "charge seats plus usage",
                options=(
                    ("Per token, at the API rates",
                     "One price list for the API and agents, and cost follows usage",
                     "Buyers cannot predict what a run will cost before it starts"),
                    ("Per run, with a token cap per run",
                     "Predictable for buyers; procurement understands it",
                     "Long runs lose money, and fixing that means tiers"),
                    ("Included in enterprise seats up to a monthly allowance",
                     "Easiest to sell into existing contracts",
                     "Hides the cost until the allowance runs out, then surprises the customer"),
                ),
                expected="Gross margin on agent runs above 55% in the first quarter after GA",
                reopen=("Two or more enterprise deals stall on unpredictable agent cost",
                        "Margin on agent runs below 45% for a month"),
                action="Send the agent pricing proposal to Finance and Sales leadership",
                note=("debate", "Open debate: per-token pricing is honest but Sales says "
                      "buyers want a number they can put in a budget"),
            ),
            DemoDecision(
                question="Do we support customer-hosted tools at GA?",
                problem="Woodgrove Bank and Contoso will only connect internal systems "
                "through their own network",
                context="Private connectivity needs a relay and its own security review; "
                "design partners ask for it in every session",
                options=(
                    ("Yes, through an outbound relay the customer runs",
                     "Unblocks the two largest beta accounts without opening inbound ports",
                     "One more component to support, with a security review of its own"),
                    ("Not at GA; first thing in Q1 2027",
                     "Keeps the GA scope fixed",
                     "Woodgrove Bank and Contoso stay in beta and their renewals carry the "
                     "risk"),
                    ("Only through our private networking add-on",
                     "Reuses networking we already sell",
                     "Only customers on the largest plan can buy the add-on"),
                ),
                expected="Woodgrove Bank and Contoso run agents in production by the end of "
                "January",
                reopen=("The relay's security review finds a design flaw",
                        "Fewer than three customers deploy the relay within 90 days"),
                action="Tell Woodgrove Bank and Contoso what GA means for their internal tools",
            ),
            DemoDecision(
                question="Do write actions need a human approval step at GA?",
                problem="Beta agents send email and update CRM records with nobody reviewing",
                context="Design partners are split: support teams want autonomy, banks want "
                "approvals",
                options=(
                    ("Approval on by default for write actions; admins can relax it",
                     "A safe default that admins loosen deliberately",
                     "Adds a click to every write and slows the support use cases"),
                    ("No approval step; rely on the audit log",
                     "The fastest agents and the simplest interface",
                     "One bad run can send hundreds of emails before anyone notices"),
                    ("Approval always, not configurable",
                     "The simplest story for regulated buyers",
                     "Blocks the support automation that drives most beta usage"),
                ),
                expected="No unreviewed bulk-write incident, and under 10% of tenants "
                "relaxing the default",
                reopen=("More than a third of tenants switch the approval step off",
                        "A write-action incident in a tenant that relaxed the default"),
                action="Add the approval default to the GA launch checklist",
            ),
            DemoDecision(
                question="Go / no-go for agent builder GA on 10 December?",
                problem="The GA date has been promised to design partners since the beta began",
                context="Tool-call success is 95.4% on the eval suite; the browsing review "
                "is still open",
                options=(
                    ("Go on 10 December with browsing behind a flag",
                     "Keeps the promise; the flagged tool waits for its review",
                     "Launches without the tool some partners want most"),
                    ("Slip to January and ship everything together",
                     "A fuller launch",
                     "Breaks the date promised to design partners and lands in the holiday "
                     "freeze"),
                ),
                expected="GA on 10 December, with no rollback in the first two weeks",
                reopen=("Tool-call success below 95% on the release candidate",
                        "Any critical blocker open on the agent builder on 8 December"),
                action="Send the go / no-go summary to the design partners",
                note=("must-say", "GA on 10 December is only real if browsing ships behind "
                      "a flag; say so in the staff meeting rather than hope"),
            ),
            DemoDecision(
                question="Switch browsing on by default now that the safety review cleared it?",
                problem="Browsing is opt-in per tenant, and most admins never find the setting",
                context="The review cleared browsing behind a domain allowlist; only 9% of "
                "tenants have opted in",
                options=(
                    ("On by default behind the domain allowlist; admins can switch it off",
                     "The risk the default was protecting against is reviewed and mitigated",
                     "Tenants who chose opt-in would see a change they did not ask for"),
                    ("Keep browsing opt-in",
                     "No change for tenants",
                     "Leaves the most requested tool hidden behind a setting"),
                ),
                expected="Half of active tenants using browsing within a month, with no "
                "injection incident",
                reopen=("A prompt-injection incident through browsing",),
                action="Tell tenant admins what the decision means for browsing",
                revises=0,
            ),
        ),
        blockers=(
            DemoBlocker("Safety review of the web browsing tool not scheduled", "high",
                        "Safety team",
                        "Review done; browsing cleared behind a domain allowlist"),
            DemoBlocker("Code execution sandbox fails the container escape test", "critical",
                        "Security team", "Moved to a gVisor sandbox; the escape test passes"),
            DemoBlocker("Agent eval suite has no multi-step tool-use tasks", "medium",
                        "Evals team", "Evals added 120 multi-step tasks to the suite"),
            DemoBlocker("Job store for async runs has no engineers", "high",
                        "Inference Platform team", "Two engineers moved over from the batch API"),
            DemoBlocker("Connector SDK docs waiting on Developer Relations", "low",
                        "Developer Relations", "Docs published with three worked examples"),
            DemoBlocker("Tool-call logs lack tenant IDs, so the audit export fails", "medium",
                        "Data Platform team", "Tenant IDs backfilled; audit export verified"),
        ),
        actions=(
            "Collect the top five failed agent runs from each design partner",
            "Write the agent builder GA launch plan with Marketing",
            "Review the agent run dashboards with the on-call team",
        ),
        notes=(
            ("signal", "Contoso runs 1,800 agent jobs a day in the beta, three times any "
                       "other tenant"),
            ("question", "Who owns agent run failures after GA: the agents team or "
                         "Inference Platform?"),
            ("bet", "Agents will be a third of enterprise expansion revenue by the end of "
                    "2027"),
            ("position", "Priya Raman will not trade the GA date for browsing; it ships "
                         "later if it must"),
        ),
    ),
    DemoWorkstream(
        title="Inference cost reduction",
        area="inference cost",
        objective="Cut serving cost per million tokens by 30% by the end of the year "
        "without moving p95 latency",
        leaders=("Grace Liu", "Daniel Osei", "Tomás Ferreira"),
        status={
            "on_track": (
                "Speculative decoding on 40% of traffic; cost per million tokens down 11%",
                "Batching change saved 6% with no movement in latency",
                "Quantised Kestrel Mini passed the quality bar; rollout starts Monday",
            ),
            "at_risk": (
                "Savings flat this week: traffic shifted to the long-context tier",
                "FP8 kernels need a driver upgrade SRE has not scheduled",
                "p95 latency up 80 ms on the EU cluster after the batching change",
            ),
            "off_track": (
                "Quantised model regressed on code tasks; rolled back, savings back to 9%",
                "Capacity crunch put us on on-demand GPUs; unit cost up this month",
            ),
            "paused": ("Paused for the Kestrel 4 migration freeze",),
            "done": ("Cost per million tokens down 31%; the monthly finance review tracks it "
                     "from here",),
        },
        points=(
            "Decide whether FP8 goes to all traffic",
            "Pick the free tier's default model",
            "Approve the routing change for short prompts",
        ),
        escalations=(
            "The savings need a driver upgrade SRE will not schedule this quarter",
            "Finance's plan assumes 30% savings; we are tracking 14%",
        ),
        closing="Target met; savings are tracked in the monthly finance review",
        decisions=(
            DemoDecision(
                question="Roll FP8 quantisation out to all Kestrel 3 traffic?",
                problem="Serving is 41% of API revenue; Finance's plan needs it under 30%",
                context="FP8 saves 22% of GPU time; quality drops 0.4 points on the general "
                "eval and 1.8 on code",
                options=(
                    ("All traffic except code-heavy tenants",
                     "Takes most of the saving and protects the tenants who would notice",
                     "Two serving configurations to run and route between"),
                    ("All traffic",
                     "The largest saving, and one configuration",
                     "A 1.8-point drop on code is visible to our largest API customers"),
                    ("Free tier only",
                     "No risk to paying customers",
                     "The free tier is 12% of tokens; the saving is too small to matter"),
                ),
                expected="Cost per million tokens down 15% within six weeks, with no eval "
                "drop above half a point for any segment",
                reopen=("API customers complain about quality and cite the change",
                        "A new kernel closes the gap on code tasks"),
                action="Publish the FP8 rollout plan in the API changelog",
            ),
            DemoDecision(
                question="Route short prompts to Kestrel Mini automatically?",
                problem="38% of requests are under 200 tokens and do not need the large model",
                context="The router prototype keeps 98% of answer quality on short prompts; "
                "API customers pay for the model they asked for",
                options=(
                    ("Only in our own assistant, never on the API",
                     "Saves where we own the product and never changes what an API customer "
                     "asked for",
                     "Leaves the API savings on the table"),
                    ("Everywhere, with an opt-out header",
                     "The largest saving",
                     "API customers would get a model they did not ask for; breaks trust "
                     "and some contracts"),
                    ("An opt-in 'auto' model on the API",
                     "Customers choose it and we share the saving",
                     "Slow adoption: the savings arrive over quarters"),
                ),
                expected="Assistant serving cost down 12% with no drop in the thumbs-up rate",
                reopen=("Assistant thumbs-up rate falls by more than a point",
                        "More than five API customers ask for routing"),
                action="Write up the routing decision for the API and assistant teams",
                note=("position", "Tomás Ferreira is against any routing on the API: "
                      "customers must get the model they call"),
            ),
            DemoDecision(
                question="Cap context at 128k tokens on the standard tier?",
                problem="Long-context requests are 4% of calls and 31% of GPU time",
                context="Three customers depend on 200k context for document review",
                options=(
                    ("Keep 200k and charge a premium above 128k",
                     "Cost follows use and nobody loses a capability",
                     "Needs a billing change before any saving shows"),
                    ("Cap at 128k on standard; 200k on enterprise only",
                     "An immediate saving, and the three customers are all enterprise",
                     "A visible downgrade of the standard tier in the middle of a quarter"),
                    ("Leave it as it is",
                     "No change for customers",
                     "Long context keeps eating a third of GPU time at a flat price"),
                ),
                expected="Long context below 20% of GPU time by the end of Q1 2027",
                reopen=("Standard-tier churn rises after the change",
                        "A competitor cuts its long-context prices"),
                action="Tell the three long-context customers what changes for them",
            ),
            DemoDecision(
                question="Move the batch API onto preemptible GPUs?",
                problem="Batch jobs run on the same reserved fleet as interactive traffic",
                context="Preemptible capacity costs 60% less; the batch SLA is 24 hours",
                options=(
                    ("Yes, with checkpoints and a fallback to reserved capacity at hour 20",
                     "Uses the 24-hour SLA we already promise, and the fallback keeps it",
                     "Checkpointing takes the team three weeks"),
                    ("Yes, with no fallback",
                     "The simplest and cheapest",
                     "One bad preemption day breaks the SLA for every batch customer"),
                    ("No; keep batch on reserved capacity",
                     "No new ways to fail",
                     "Pays reserved prices for work that can wait"),
                ),
                expected="Batch serving cost down 45% with SLA attainment above 99.5%",
                reopen=("Batch SLA attainment below 99% for two weeks",
                        "Preemption rate above 30% in our regions"),
                action="Update the batch API capacity plan with the decision",
            ),
            DemoDecision(
                question="Which model is the free tier's default?",
                problem="Free-tier users cost $1.9M a quarter on Kestrel 3",
                context="Kestrel Mini wins 44% of blind comparisons with Kestrel 3 on "
                "free-tier prompts",
                options=(
                    ("Kestrel Mini, with ten Kestrel 3 messages a day",
                     "Cuts free-tier cost by two thirds and keeps a taste of the large model",
                     "Some free users will notice, and conversion may dip"),
                    ("Kestrel Mini only",
                     "The lowest cost",
                     "Free users never see the model we sell"),
                    ("Keep Kestrel 3",
                     "The best first impression",
                     "The free tier stays the largest cost line we can change"),
                ),
                expected="Free-tier serving cost down 60%, conversion to paid within 5% of "
                "today",
                reopen=("Free-to-paid conversion drops by more than 10%",
                        "Kestrel Mini wins more than half of blind comparisons"),
                action="Set up the free-tier conversion and cost dashboard",
                note=("signal", "Free-tier conversion fell 3% the week Kestrel Mini became "
                      "the default in the test cohort"),
            ),
            DemoDecision(
                question="Fund a kernel team of three for the next two quarters?",
                problem="Most of the remaining savings need custom attention kernels",
                context="Two of our best inference engineers already do this part time",
                options=(
                    ("Yes, three engineers from Inference Platform",
                     "The savings pay for the team within a quarter",
                     "The platform roadmap slips by a quarter"),
                    ("Contract the kernel work out",
                     "No internal headcount",
                     "The know-how leaves with the contractor, and it is on our critical "
                     "path"),
                    ("No; take what the open-source kernels give us",
                     "No cost",
                     "Caps the savings near 18%, well short of the 30% target"),
                ),
                expected="A further 10% off cost per million tokens by the end of Q1 2027",
                reopen=("Open-source kernels catch up with ours within a quarter",
                        "The team's first kernel saves less than 4%"),
                action="Tell Inference Platform what the kernel decision means for their roadmap",
            ),
            DemoDecision(
                question="Put code-heavy tenants on FP8 too, now the new kernel closes the gap?",
                problem="Code-heavy tenants still run unquantised and cost 30% more to serve",
                context="The new attention kernel brings the FP8 drop on code to 0.3 points",
                options=(
                    ("Yes: every tenant on FP8, after two weeks' notice",
                     "The quality gap is gone and one serving configuration is simpler",
                     "Code-heavy tenants were promised notice of serving changes"),
                    ("Keep code-heavy tenants unquantised",
                     "No risk to the tenants most sensitive to code quality",
                     "Pays a 30% premium to serve a difference nobody can measure any more"),
                ),
                expected="A further 6% off cost per million tokens",
                reopen=("A code-heavy tenant reports a quality drop after the switch",),
                action="Tell the code-heavy tenants the outcome",
                revises=0,
            ),
        ),
        blockers=(
            DemoBlocker("FP8 kernels need a GPU driver upgrade on the production fleet", "high",
                        "SRE team", "Driver upgraded in a rolling maintenance window"),
            DemoBlocker("No code-task evals for quantised models", "medium", "Evals team",
                        "Code eval set added to the quantisation gate"),
            DemoBlocker("Router prototype adds 25 ms at p95", "medium",
                        "Inference Platform team", "Router moved in-process; overhead now 4 ms"),
            DemoBlocker("Billing cannot price by context length", "high", "Billing team",
                        "Billing shipped tiered pricing by context length"),
            DemoBlocker("No preemptible GPU quota in the EU region", "medium",
                        "Cloud account team", "Quota granted after the account review"),
            DemoBlocker("Cost dashboards lag four days behind usage", "low",
                        "Data Platform team", "Daily cost export switched on"),
        ),
        actions=(
            "Send the monthly cost-per-token report to Finance",
            "List the ten tenants with the highest serving cost per dollar of revenue",
            "Get SRE's date for the driver upgrade window",
        ),
        notes=(
            ("signal", "Serving cost per million tokens down 14% since August; the plan "
                       "needs 30%"),
            ("must-say", "We will miss the 30% cost target without the kernel team; ask for "
                         "the headcount, not for patience"),
            ("bet", "Speculative decoding alone gets us half of the savings target"),
            ("question", "Is the long-context tier profitable at all at today's prices?"),
        ),
        finishes=True,
    ),
    DemoWorkstream(
        title="EU data residency",
        area="EU residency",
        objective="Serve EU tenants entirely from EU regions (inference, logs and "
        "fine-tuning data) before Woodgrove Bank's renewal on 1 January",
        leaders=("Helena Novak", "Jonas Weber", "Marcus Bell"),
        status={
            "on_track": (
                "Frankfurt cluster serving 20% of EU traffic",
                "Log pipeline now writes EU tenants to the EU bucket",
                "DPA redlines agreed with Woodgrove Bank's legal team",
            ),
            "at_risk": (
                "Frankfurt is 64 GPUs short of full EU traffic",
                "Fine-tuning data still copied to the US for training jobs",
                "Subprocessor list needs updating before we can notify customers",
            ),
            "off_track": (
                "Failover test sent EU traffic to the US; cutover on hold",
                "Legal found support tooling exports EU transcripts to the US",
            ),
            "paused": ("Paused until the EU capacity contract is signed",),
            "done": ("Every EU tenant served in-region; residency controls in the trust "
                     "centre",),
        },
        points=(
            "Decide the EU cutover date",
            "Approve the subprocessor notice",
            "Sign off the failover design",
        ),
        escalations=(
            "Woodgrove Bank's renewal depends on an in-region date we cannot commit to yet",
            "EU capacity needs a contract above the team's budget",
        ),
        closing="EU tenants served in-region; residency lives in the trust centre now",
        decisions=(
            DemoDecision(
                question="Do EU tenants fail over to the US during an EU outage?",
                problem="With one EU region, an outage means downtime or data leaving the EU",
                context="Woodgrove Bank's contract forbids processing outside the EU; "
                "smaller tenants prefer uptime",
                options=(
                    ("No cross-border failover for residency tenants; a second EU region "
                     "by Q2 2027",
                     "Keeps the promise we sell, and the second region closes the gap",
                     "Residency tenants take the downtime until the second region exists"),
                    ("Fail over to the US for everyone, disclosed in the DPA",
                     "The best availability",
                     "Breaks Woodgrove Bank's contract and the reason they are buying"),
                    ("Let each tenant choose in the admin console",
                     "Customers make their own trade-off",
                     "Two failover paths to build and test before the renewal date"),
                ),
                expected="No residency breach, and EU availability above 99.9% each month",
                reopen=("EU availability below 99.5% in any month",
                        "The second EU region slips past Q2 2027"),
                action="Rewrite the DPA's failover clause with Legal",
                note=("position", "Helena Novak: no cross-border failover, whatever the "
                      "availability cost"),
            ),
            DemoDecision(
                question="Where does fine-tuning run for EU tenants?",
                problem="Fine-tuning jobs for EU tenants still run in the US",
                context="Four EU tenants fine-tune; one of them every month",
                options=(
                    ("In Frankfurt, queued behind inference",
                     "No EU data leaves the region",
                     "Frankfurt has no spare training capacity until March"),
                    ("In the US, with each tenant's consent",
                     "Uses capacity we already have",
                     "Consent is exactly what Woodgrove Bank's contract rules out"),
                    ("Pause fine-tuning for EU tenants until March",
                     "No build work",
                     "Three EU tenants fine-tune every week"),
                ),
                expected="EU fine-tuning runs in-region by February",
                reopen=("EU training capacity slips past March",
                        "An EU tenant asks to train in the US to get it sooner"),
                action="Tell the EU fine-tuning tenants the new timeline",
            ),
            DemoDecision(
                question="Which EU region do we add second?",
                problem="One EU region cannot promise residency and availability at once",
                context="Paris and Amsterdam both offer the GPUs; Amsterdam is 20% cheaper",
                options=(
                    ("Amsterdam",
                     "Cheaper, and it has the GPU types we already run",
                     "Higher latency for our customers in southern Europe"),
                    ("Paris",
                     "Closest to the French banks in our pipeline",
                     "20% more expensive, and no current GPUs before March"),
                    ("Dublin",
                     "Our EU office and support team are there",
                     "No current-generation GPUs on offer until late 2027"),
                ),
                expected="A second EU region serving traffic by the end of Q2 2027",
                reopen=("Amsterdam's price moves by more than 15%",
                        "A French customer makes Paris a contract condition"),
                action="Get the chosen region's capacity quote in writing from Procurement",
            ),
            DemoDecision(
                question="Can US support engineers see EU tenants' transcripts?",
                problem="Support tooling shows conversation transcripts to any on-call engineer",
                context="EU support is staffed 08:00–18:00 CET",
                options=(
                    ("EU transcripts for EU staff only; US staff see metadata",
                     "Keeps residency without taking US on-call off EU tenants",
                     "Slower answers at night for EU tenants"),
                    ("Keep global access, with every view logged",
                     "No change to support coverage",
                     "Legal says a view from the US counts as a transfer"),
                    ("Hire a night shift in the EU",
                     "Full coverage and full compliance",
                     "Four hires, and months before they are on shift"),
                ),
                expected="No transcript access from outside the EU for residency tenants; "
                "first response within 20% of today",
                reopen=("EU first-response time doubles",
                        "Legal's view on metadata changes"),
                action="Brief the EU support leads on who can see EU transcripts",
            ),
            DemoDecision(
                question="Announce EU residency before the cutover is done?",
                problem="Sales wants residency as a talking point in Q4 deals now",
                context="The cutover of all EU tenants is planned for early December",
                options=(
                    ("Announce once the cutover is complete",
                     "We only claim what is true",
                     "Sales goes without the talking point for the rest of the quarter"),
                    ("Announce now with a December date",
                     "Helps the Q4 pipeline",
                     "A slipped cutover becomes a broken public promise"),
                    ("Tell prospects privately under NDA",
                     "Supports deals without a public claim",
                     "Private promises still end up written into contracts"),
                ),
                expected="Announced in December with no correction needed",
                reopen=("The cutover slips into January",
                        "A competitor announces EU residency first"),
                action="Draft the EU residency announcement",
                note=("debate", "Open debate: a December date helps Q4 deals, but a "
                      "slipped cutover becomes a public broken promise"),
            ),
            DemoDecision(
                question="Screen EU requests with safety classifiers that run in the US?",
                problem="Every EU request is screened by classifiers hosted only in the US",
                context="Porting the classifiers to Frankfurt needs 8 GPUs and two weeks",
                options=(
                    ("Port the classifiers to Frankfurt",
                     "No EU content leaves the region, not even for screening",
                     "Eight GPUs out of a cluster that is already short"),
                    ("Keep US screening on hashed content only",
                     "Needs no capacity",
                     "The classifiers cannot read hashes; it means screening nothing"),
                ),
                expected="All screening for EU tenants in-region before the cutover",
                reopen=("Classifier latency in Frankfurt above 50 ms at p95",),
                action="Tell Safety where EU requests will be screened",
            ),
            DemoDecision(
                question="Move EU fine-tuning to Amsterdam instead of waiting for Frankfurt?",
                problem="Frankfurt's training capacity slipped from March to May",
                context="Amsterdam can host fine-tuning from February at a 10% premium",
                options=(
                    ("Move EU fine-tuning to Amsterdam in February",
                     "In-region three months sooner",
                     "A 10% premium and a second region to operate early"),
                    ("Keep waiting for Frankfurt",
                     "No new region to operate yet",
                     "EU tenants go without in-region fine-tuning until May"),
                ),
                expected="EU fine-tuning in-region by February",
                reopen=("Amsterdam's February date slips",),
                action="Tell the EU fine-tuning tenants where their jobs will run",
                revises=1,
            ),
        ),
        blockers=(
            DemoBlocker("Frankfurt cluster 64 GPUs short of full EU traffic", "critical",
                        "GPU capacity plan", "Halcyon Cloud delivered 64 GPUs in Frankfurt"),
            DemoBlocker("Woodgrove Bank's DPA redlines stuck with Legal for three weeks",
                        "high", "Legal", "DPA signed by both sides"),
            DemoBlocker("Log pipeline copies EU logs to the US analytics warehouse", "high",
                        "Data Platform team", "EU logs now land in an EU-only warehouse"),
            DemoBlocker("Subprocessor change needs 30 days' notice to customers", "medium",
                        "Legal", "Notice sent; the period ends before the cutover"),
            DemoBlocker("Support tooling has no per-region access control", "medium",
                        "Support tooling team", "Region-scoped roles shipped"),
            DemoBlocker("EU failover runbook never tested", "low", "SRE team",
                        "Game day run; runbook updated"),
        ),
        actions=(
            "Update the trust centre page on data residency",
            "List every subprocessor that touches EU tenant data",
            "Run the EU failover game day with SRE",
        ),
        notes=(
            ("signal", "Four EU deals in the pipeline name residency as a hard requirement"),
            ("must-say", "Woodgrove Bank will not renew without EU residency by 1 January; "
                         "the date is the whole deal"),
            ("question", "Does in-region residency cover our error-reporting vendor?"),
            ("bet", "Residency opens the EU public sector in 2027"),
        ),
    ),
    DemoWorkstream(
        title="Model evaluation platform",
        area="the eval platform",
        objective="Gate every model and prompt change on one eval suite with "
        "release-blocking thresholds, results within four hours",
        leaders=("Tomás Ferreira", "Grace Liu", "Aisha Karim"),
        status={
            "on_track": (
                "Release gate live for prompt changes; 14 changes gated this week",
                "Eval runs down from 11 hours to 3.5",
                "Customer eval sets for five enterprise tenants onboarded",
            ),
            "at_risk": (
                "Model grader disagrees with human raters 18% of the time; thresholds not "
                "yet trusted",
                "Eval runs lose their GPUs to training jobs overnight",
                "Two teams still ship prompt changes around the gate",
            ),
            "off_track": (
                "Harness scored wrongly for a week after a tokenizer change; re-running",
                "A flaky test blocked the Kestrel 4 release; teams bypass the gate",
            ),
            "paused": ("Paused for two weeks while the team supports the Kestrel 4 release",),
            "done": ("Every model and prompt change is gated; the Evals team owns the "
                     "platform",),
        },
        points=(
            "Set the release-blocking thresholds",
            "Decide who can override the gate",
            "Approve the grader model",
        ),
        escalations=(
            "Teams bypass the gate; it needs a leadership rule that it is mandatory",
            "Eval GPUs keep losing to training jobs",
        ),
        closing="The gate is mandatory for every release; the platform moves to the Evals team",
        decisions=(
            DemoDecision(
                question="Model grader or human raters for release-blocking evals?",
                problem="Human rating takes three days per release; teams ship weekly",
                context="The model grader agrees with humans 82% of the time overall and 91% "
                "on factual tasks",
                options=(
                    ("Model grader for factual and tool-use tasks; humans for writing quality",
                     "Fast where the grader is reliable, humans where it is not",
                     "Two pipelines to keep running"),
                    ("Model grader everywhere",
                     "One fast pipeline",
                     "18% disagreement on open-ended tasks is too much to block releases on"),
                    ("Human raters everywhere",
                     "The most trusted signal",
                     "Three days per release; teams will route around the gate"),
                ),
                expected="Release eval results in under four hours for 80% of changes",
                reopen=("Grader agreement on factual tasks falls below 88%",
                        "A regression reaches customers that the grader passed"),
                action="Publish the release-gate rules to every model team",
            ),
            DemoDecision(
                question="Who can override a failed release gate?",
                problem="Gate failures block security hotfixes along with everything else",
                context="Two of last month's overrides were for security fixes",
                options=(
                    ("The on-call release manager plus a director, logged",
                     "Fast enough for hotfixes, and it always leaves a record",
                     "Directors get paged at night"),
                    ("Any engineering manager",
                     "The fastest",
                     "Overrides become routine"),
                    ("Nobody: fix the test or the change",
                     "Keeps the gate honest",
                     "Security hotfixes would wait on flaky evals"),
                ),
                expected="Fewer than two overrides a month, each with a written reason",
                reopen=("More than four overrides in any month",),
                action="Add the override log to the model quality review",
                note=("position", "Grace Liu wants no overrides at all; Aisha Karim needs one "
                      "for security fixes"),
            ),
            DemoDecision(
                question="Keep our own eval harness or move to the open-source framework?",
                problem="Each new task type takes a week to add",
                context="Our harness is 40k lines with two maintainers",
                options=(
                    ("Adopt the open-source framework and contribute our task types",
                     "The community maintains the core; we keep our tasks",
                     "Migrating 3,000 tasks takes a quarter"),
                    ("Keep and refactor our harness",
                     "No migration, and we know it well",
                     "Two maintainers cannot keep up with the backlog of task types"),
                    ("Buy a hosted eval service",
                     "The fastest start",
                     "Customer eval sets would leave our infrastructure, which enterprise "
                     "contracts forbid"),
                ),
                expected="A new task type takes a day instead of a week by Q1 2027",
                reopen=("The framework's maintainers stall or change its licence",
                        "The migration runs past two quarters"),
                action="Write up the harness decision for the Evals team",
            ),
            DemoDecision(
                question="Reserve GPUs for evals or share the training fleet?",
                problem="Eval runs queue behind training jobs overnight",
                context="Evals need 32 GPUs for four hours a day",
                options=(
                    ("Reserve 32 GPUs for evals",
                     "Results on time every day",
                     "Training loses 3% of its fleet"),
                    ("A priority queue on the shared fleet",
                     "No reserved GPUs sitting idle",
                     "Preemption kills training jobs mid-step"),
                ),
                expected="95% of eval runs start within 15 minutes",
                reopen=("Reserved eval GPUs sit idle more than 60% of the time",),
                action="Take the eval GPU decision to the GPU capacity council",
            ),
            DemoDecision(
                question="Put customers' own eval sets in the release gate?",
                problem="Enterprise customers send their own test sets and expect us to run "
                "them",
                context="Five tenants have sent sets; two contain personal data",
                options=(
                    ("Yes, anonymised and run in the customer's region",
                     "Catches the regressions our suite misses for the customers who pay most",
                     "An anonymisation review for every new set"),
                    ("No; run them after release and report",
                     "A simpler gate",
                     "Customers learn of regressions before we do"),
                ),
                expected="No enterprise tenant reports a regression their own set would have "
                "caught",
                reopen=("Customer sets block more than two releases a month on noise",),
                action="Write the intake checklist for customer eval sets",
            ),
            DemoDecision(
                question="Publish eval results with each model release?",
                problem="Customers ask what changed in each release and we answer by hand",
                context="Competitors publish benchmark tables; our suite includes customer data",
                options=(
                    ("Publish the public-benchmark subset with every release",
                     "Answers the question without exposing customer data",
                     "Public benchmarks are the least telling part of our suite"),
                    ("Publish nothing; answer on request",
                     "No extra work",
                     "Sales keeps answering the same question by hand"),
                    ("Publish everything, anonymised",
                     "The most transparent",
                     "Even anonymised customer tasks can identify the customer"),
                ),
                expected="Fewer 'what changed' tickets after each release",
                reopen=("A large customer asks for results on a benchmark we do not run",),
                action="Tell Sales what we will publish about each release",
            ),
            DemoDecision(
                question="Let the model grader judge writing quality too?",
                problem="Human rating of writing quality still takes three days a release",
                context="After calibration the grader agrees with humans 90% of the time on "
                "writing tasks",
                options=(
                    ("Model grader everywhere; humans audit a 5% sample",
                     "Four-hour results for every change, with humans watching the grader",
                     "Writing quality rests on a grader that was unreliable a quarter ago"),
                    ("Keep human raters for writing quality",
                     "The signal we trust most for writing",
                     "Every release that touches writing waits three days"),
                ),
                expected="Every release's eval results within four hours",
                reopen=("Grader agreement on writing tasks below 85% in the audit sample",),
                action="Tell the rating vendor how much writing-quality work to expect",
                revises=0,
            ),
        ),
        blockers=(
            DemoBlocker("Tokenizer change broke score parsing in the harness", "critical",
                        "Evals team", "Parser fixed; the affected week re-run"),
            DemoBlocker("Training jobs preempt eval runs every night", "high", "Training team",
                        "A reserved pool of 32 GPUs agreed"),
            DemoBlocker("Human rating vendor's contract expired", "medium", "Procurement",
                        "Contract renewed for a year"),
            DemoBlocker("Two customer eval sets contain personal data", "high", "Privacy team",
                        "Sets anonymised and approved again by the customers"),
            DemoBlocker("Nobody owns the grader's calibration", "low", "Applied Research",
                        "Applied Research took ownership"),
            DemoBlocker("Long-context eval tasks fail one run in five", "medium", "Evals team",
                        "Seeds pinned; flake rate under 1%"),
        ),
        actions=(
            "Publish this month's gate pass rate by team",
            "Find out which teams ship prompt changes outside the gate",
            "Review the eval thresholds with Applied Research",
        ),
        notes=(
            ("signal", "Three regressions reached customers last quarter; the gate would "
                       "have caught two"),
            ("question", "Who signs off a threshold change: Evals or the model owner?"),
            ("must-say", "Teams are bypassing the gate; without a rule from the top it is "
                         "advice, not a gate"),
            ("position", "Tomás Ferreira: no model ships without the gate, including "
                         "research previews"),
        ),
        finishes=True,
    ),
    DemoWorkstream(
        title="Tool-use safety review",
        area="the tool-use safety review",
        objective="Get agent tool use (browsing, code execution, email) through the safety "
        "review, with red-team sign-off, before agent builder GA",
        leaders=("Aisha Karim", "Priya Raman", "Helena Novak"),
        status={
            "on_track": (
                "Red-team round two finished; no new high-severity findings",
                "Injection classifier catches 94% of the red-team set",
                "Write-action policy approved by the safety council",
            ),
            "at_risk": (
                "Red-team firm cannot start the email round for three weeks",
                "Injection classifier refuses 6% of legitimate tool calls",
                "Eleven findings open; the fixes depend on the agents team",
            ),
            "off_track": (
                "New injection path through shared documents; review reopened",
                "Classifier false positives broke two design partners' workflows; rolled back",
            ),
            "paused": ("Paused until the agents team fixes the sandbox",),
            "done": ("Tool-use review signed off; monitoring handed to Trust & Safety",),
        },
        points=(
            "Sign off browsing for GA",
            "Set the injection classifier threshold",
            "Approve the incident playbook for agent misuse",
        ),
        escalations=(
            "Safety sign-off is on the GA critical path and has no date",
            "Safety and the agents team disagree on acceptable risk for email",
        ),
        closing="Signed off; monitoring is with Trust & Safety",
        decisions=(
            DemoDecision(
                question="Red-team agent tools in-house or with an external firm?",
                problem="Enterprise buyers want an independent red-team report before they "
                "switch agents on",
                context="Our red team is four people, all on the Kestrel 4 review for six "
                "more weeks",
                options=(
                    ("External firm for email and browsing; in-house for code execution",
                     "Independent eyes on the riskiest tools, and we know the sandbox best",
                     "Two reports to reconcile"),
                    ("All in-house",
                     "The fastest and cheapest",
                     "Enterprise buyers ask for third-party testing by name"),
                    ("All external",
                     "The cleanest story for buyers",
                     "The firm's first slot for code execution is in February"),
                ),
                expected="A third-party report before GA, with findings triaged within a week",
                reopen=("The external firm's start slips past GA",),
                action="Tell the design partners who will red-team the agent tools",
            ),
            DemoDecision(
                question="Where do we set the prompt-injection classifier threshold?",
                problem="At the current threshold the classifier blocks 6% of legitimate "
                "tool calls",
                context="It catches 94% of the red-team set at this threshold, 88% at the "
                "looser one",
                options=(
                    ("The looser threshold plus approval for write actions",
                     "The approval step covers what the classifier misses where it matters",
                     "Six more injections in a hundred get through on read-only tools"),
                    ("Keep the strict threshold",
                     "The highest catch rate",
                     "One legitimate call in seventeen refused; design partners already "
                     "complain"),
                    ("A threshold each tenant's admin sets",
                     "Customers choose their own risk",
                     "Most admins cannot judge this trade-off"),
                ),
                expected="False positives under 2%, and no injection-led write action in "
                "production",
                reopen=("An injection reaches a write action",
                        "False positives still above 3% after a month"),
                action="Tell the design partners what the classifier threshold means for them",
                note=("position", "Aisha Karim accepts the looser threshold only with "
                      "approval on every write action"),
            ),
            DemoDecision(
                question="Does the email tool ship at agent builder GA?",
                problem="Email is the most requested tool and the riskiest",
                context="The red team got agents to forward inbox contents to an outside "
                "address",
                options=(
                    ("Not at GA: a beta with five design partners and 20 sends a day",
                     "Real-world evidence with a bounded blast radius",
                     "The most requested tool misses the launch"),
                    ("At GA, with approval for every send",
                     "Meets demand, and every send is reviewed",
                     "Approval fatigue: people click through"),
                    ("At GA without restrictions",
                     "The full capability",
                     "The forwarding attack is not fixed"),
                ),
                expected="Email tool GA in Q1 2027 with no exfiltration in the beta",
                reopen=("Any exfiltration in the beta",
                        "The red team clears the forwarding attack"),
                action="Tell the design partners when the email tool ships",
            ),
            DemoDecision(
                question="Keep full agent transcripts for abuse review?",
                problem="Abuse investigations need transcripts; enterprise contracts limit "
                "retention",
                context="Enterprise tenants have zero data retention by contract",
                options=(
                    ("30 days for self-serve; metadata only for zero-retention tenants",
                     "Investigations work for most traffic and the contracts hold",
                     "Abuse in zero-retention tenants is harder to investigate"),
                    ("Full transcripts for everyone for 30 days",
                     "The best abuse coverage",
                     "Breaks the zero-retention contracts"),
                ),
                expected="Self-serve abuse cases closed within five days",
                reopen=("An abuse case in a zero-retention tenant we could not investigate",),
                action="Update the retention policy page for agent transcripts",
            ),
            DemoDecision(
                question="Who answers an agent-misuse incident at night?",
                problem="No on-call rotation covers agent misuse",
                context="Trust & Safety covers working hours only",
                options=(
                    ("A Trust & Safety rotation with SRE as backstop",
                     "The people who know the policy decide, and SRE holds the kill switches",
                     "Trust & Safety needs two more people for a round-the-clock rotation"),
                    ("SRE alone, with a runbook",
                     "Uses the existing 24/7 rotation",
                     "SRE cannot judge policy questions at 3 a.m."),
                ),
                expected="Misuse incidents acknowledged within 30 minutes around the clock",
                reopen=("Acknowledgement takes over an hour twice in a month",),
                action="Write the agent-misuse runbook with SRE",
            ),
        ),
        blockers=(
            DemoBlocker("Red-team firm cannot start the email round for six weeks", "high",
                        "External red-team firm",
                        "The firm added a second team and started early"),
            DemoBlocker("Code execution sandbox fix waiting on the agents team", "critical",
                        "Agents team", "Fix shipped and verified by the red team"),
            DemoBlocker("Injection classifier has no training data for shared documents",
                        "medium", "Applied Research",
                        "4,000 labelled examples collected from the red-team runs"),
            DemoBlocker("No Trust & Safety cover at night", "medium", "Trust & Safety",
                        "Two hires started; the rotation is live"),
            DemoBlocker("Policy team has not reviewed the write-action policy", "low",
                        "Policy team", "Policy reviewed and approved"),
        ),
        actions=(
            "Triage the eleven open red-team findings with the agents team",
            "Share the red-team summary with the design partners under NDA",
            "Run the misuse tabletop exercise with Trust & Safety",
        ),
        notes=(
            ("signal", "Two design partners switched the injection classifier off in their "
                       "tenant this week"),
            ("question", "Do we need a separate review for customer-hosted tools?"),
            ("must-say", "Safety sign-off has no date, and GA has one; one of them has to "
                         "move"),
        ),
        finishes=True,
    ),
    DemoWorkstream(
        title="GPU capacity plan 2027",
        area="GPU capacity",
        objective="Secure inference capacity for the 2027 peak (three times today's traffic) "
        "at or below this year's price per GPU-hour",
        leaders=("Jonas Weber", "Daniel Osei", "Grace Liu"),
        status={
            "on_track": (
                "Term sheet agreed with Halcyon Cloud for 512 GPUs",
                "Demand forecast reviewed with Finance; three scenarios agreed",
                "Fleet utilisation up to 71% after rebalancing",
            ),
            "at_risk": (
                "Halcyon's delivery slips to March for half the order",
                "Forecast assumes agents drive 40% of growth; nobody can check it yet",
                "Power constraints at the second data centre",
            ),
            "off_track": (
                "The board asked for a smaller commitment; the plan is being redone",
                "Our main provider withdrew its price; renegotiating",
            ),
            "paused": ("Paused until the board approves the 2027 budget",),
            "done": ("2027 capacity under contract; the capacity council tracks utilisation",),
        },
        points=(
            "Approve the 2027 capacity commitment",
            "Pick the second GPU provider",
            "Set the split between reserved and on-demand capacity",
        ),
        escalations=(
            "The commitment needs board approval this month",
            "The provider's price expires on Friday and the CFO has not signed",
        ),
        closing="Contracts signed; tracking moves to the GPU capacity council",
        decisions=(
            DemoDecision(
                question="How much 2027 capacity do we commit to now?",
                problem="Providers want commitments by December for 2027 delivery",
                context="The base forecast is 2.4 times today; the agent scenario is 3.6 times",
                options=(
                    ("The base case, with an option on 30% more",
                     "Covers the likely case, and the option covers the agent upside",
                     "The option costs 8% of the commitment up front"),
                    ("The agent scenario",
                     "Never short",
                     "$40M over plan if agents grow slowly"),
                    ("Today's capacity, and buy on demand",
                     "No commitment risk",
                     "On-demand costs twice as much and supply is not guaranteed"),
                ),
                expected="Capacity within 10% of demand in every month of 2027",
                reopen=("Agent usage after GA runs above the base case for two months",
                        "A provider offers the same price without a commitment"),
                action="Prepare the capacity commitment paper for the board",
                note=("position", "Daniel Osei will sign the base case, not the agent "
                      "scenario"),
            ),
            DemoDecision(
                question="Add a second GPU provider?",
                problem="All inference runs on one provider; their outage last month took us "
                "down for three hours",
                context="Meridian Compute offers GPUs 15% cheaper, with a smaller footprint",
                options=(
                    ("Yes: Meridian Compute for a quarter of capacity",
                     "Ends the single-provider risk and lowers the blended price",
                     "Two providers to operate and a new network setup"),
                    ("No; buy multi-region from the current provider",
                     "One vendor to manage",
                     "Same company, same control plane, same outage"),
                ),
                expected="A provider outage costs us at most a quarter of capacity",
                reopen=("Meridian misses a delivery or its SLA twice",),
                action="Tell SRE what the provider decision means for the fleet",
            ),
            DemoDecision(
                question="How do we split reserved and on-demand capacity?",
                problem="Traffic peaks at 2.1 times the overnight level on weekday afternoons",
                context="Reserved costs half as much; on-demand may not be there at the peak",
                options=(
                    ("80% reserved, 20% on demand, with batch filling the nights",
                     "Reserved covers the floor and batch fills the troughs",
                     "Relies on batch demand growing as forecast"),
                    ("All reserved",
                     "Guaranteed supply",
                     "40% of the fleet idle overnight"),
                    ("60% reserved",
                     "The cheapest if demand disappoints",
                     "Peaks depend on on-demand supply that sold out twice this year"),
                ),
                expected="Utilisation above 70% with no rate limiting for lack of capacity",
                reopen=("Batch demand stays flat for a quarter",),
                action="Model overnight batch demand with the API team",
            ),
            DemoDecision(
                question="Move fine-tuning to the older GPUs to free new ones for inference?",
                problem="Inference is short of capacity while training holds the newest GPUs",
                context="Training on the older generation takes 1.7 times as long",
                options=(
                    ("Yes for fine-tuning and small models; frontier training stays",
                     "Frees 120 new GPUs for inference without slowing the frontier run",
                     "Customers wait longer for their fine-tuning jobs"),
                    ("No change",
                     "Training is untouched",
                     "Enterprise tenants keep hitting rate limits at the peak"),
                ),
                expected="No rate limiting at the peak in Q1 2027",
                reopen=("Fine-tuning turnaround goes above 24 hours",),
                action="Tell the fine-tuning customers what changes in turnaround",
            ),
            DemoDecision(
                question="Sign the Halcyon Cloud contract for three years?",
                problem="Halcyon offers 18% off for three years instead of one",
                context="GPU generations turn over every 18 to 24 months",
                options=(
                    ("One year, with an option to renew",
                     "Keeps us free to move to the next generation",
                     "Gives up the 18% discount"),
                    ("Three years",
                     "The lowest price",
                     "Locks us into a generation that will be old by year three"),
                    ("Three years with a technology refresh clause",
                     "The discount and a path to new GPUs",
                     "Halcyon wants 6% more for the clause"),
                ),
                expected="2027 price per GPU-hour at or below this year's",
                reopen=("Next-generation GPUs ship earlier than expected",),
                action="Send the redlined Halcyon contract to Legal",
            ),
            DemoDecision(
                question="Raise the 2027 commitment to the agent scenario?",
                problem="Agent usage in the beta is running at the agent scenario's curve",
                context="Halcyon will honour this year's price on 30% more capacity until "
                "the end of December",
                options=(
                    ("Exercise the option: commit to 30% more",
                     "Demand is tracking the higher curve, and the price holds only until "
                     "December",
                     "$40M more committed on three months of beta data"),
                    ("Stay at the base case",
                     "Less committed spend if agents slow down",
                     "On-demand prices at the peak if the curve holds"),
                ),
                expected="No capacity-driven rate limiting in 2027",
                reopen=("Agent usage falls below the base case for two months",),
                action="Update the board paper with the commitment decision",
                revises=0,
            ),
        ),
        blockers=(
            DemoBlocker("CFO sign-off on the capacity commitment not scheduled", "high",
                        "Finance", "Signed at the budget review"),
            DemoBlocker("Halcyon Cloud contract redlines stuck with Legal", "medium", "Legal",
                        "Redlines agreed"),
            DemoBlocker("Meridian Compute's security questionnaire incomplete", "medium",
                        "Security team", "Questionnaire completed; review passed"),
            DemoBlocker("Demand forecast has no agent scenario", "low", "Data Science",
                        "Agent scenario added with three growth curves"),
            DemoBlocker("Power upgrade at the second data centre delayed", "high",
                        "Infrastructure team", "Provider moved us to another hall"),
        ),
        actions=(
            "Refresh the demand forecast with the latest agent beta usage",
            "Collect utilisation by cluster for the capacity council",
            "Ask Halcyon Cloud for a delivery schedule in writing",
        ),
        notes=(
            ("signal", "Peak-hour rate limiting hit 11 enterprise tenants last Tuesday"),
            ("bet", "Inference demand triples in 2027 if agents reach GA on time"),
            ("question", "Can the older GPUs serve Kestrel Mini at an acceptable latency?"),
        ),
        finishes=True,
    ),
    DemoWorkstream(
        title="Woodgrove Bank rollout",
        area="the Woodgrove Bank rollout",
        objective="Roll the assistant out to Woodgrove Bank's 40,000 employees in three "
        "waves without a Sev-1, ahead of their renewal",
        leaders=("Marcus Bell", "Priya Raman", "Helena Novak"),
        status={
            "on_track": (
                "Wave 1 live for 3,000 people in operations; 68% weekly active",
                "SSO and SCIM provisioning verified with their identity team",
                "Their risk committee approved wave 2",
            ),
            "at_risk": (
                "Their model risk team wants our eval results on their own test set",
                "Wave 2 waits on their data-loss-prevention integration",
                "Wave 1 adoption flat at 55% weekly active",
            ),
            "off_track": (
                "Their security team paused wave 2 after a prompt-injection report",
                "Renewal moved a month earlier; wave 3 cannot land in time",
            ),
            "paused": ("Paused while Woodgrove Bank reorganises its IT team",),
            "done": ("All three waves live; the account is with Customer Success",),
        },
        points=(
            "Go / no-go for wave 2",
            "Agree the renewal scope",
            "Decide the wave 3 date",
        ),
        escalations=(
            "Woodgrove Bank's CIO asked our CEO for an EU residency date",
            "Renewal at risk: wave 2 blocked for three weeks",
        ),
        closing="All waves live; the account is with Customer Success",
        decisions=(
            DemoDecision(
                question="Dedicated deployment for Woodgrove Bank, or stay multi-tenant?",
                problem="Their security review asks for isolation from other tenants",
                context="Customer-managed encryption keys ship next month",
                options=(
                    ("Multi-tenant with customer-managed keys",
                     "Meets their encryption requirement on the platform we run every day",
                     "Their risk team prefers physical isolation"),
                    ("A dedicated deployment",
                     "The strongest isolation story",
                     "A one-off stack to run, patch and staff"),
                ),
                expected="Their security review passed without a one-off deployment",
                reopen=("Their regulator asks for physical isolation",),
                action="Walk Woodgrove Bank's security team through the deployment decision",
            ),
            DemoDecision(
                question="Run Woodgrove Bank's test set as a release gate for them?",
                problem="Their model risk team must validate every model change",
                context="Their test set has 2,400 prompts, some with customer data",
                options=(
                    ("Yes, in their region, with results shared within 48 hours of a release",
                     "Satisfies model risk and catches their regressions early",
                     "A failure on their set holds the release for everyone"),
                    ("Run it after release and report",
                     "Our release train stays ours",
                     "Model risk will not approve wave 2 on that basis"),
                ),
                expected="Model risk approves wave 2, and each later model change within a week",
                reopen=("Their set holds two releases for other customers",),
                action="Onboard Woodgrove Bank's test set into the eval platform",
            ),
            DemoDecision(
                question="Roll wave 2 out by department or by region?",
                problem="Wave 2 is 12,000 people",
                context="Operations, in wave 1, is at 68% weekly active",
                options=(
                    ("By department, starting with operations and legal",
                     "Champions already exist there and the use cases are clear",
                     "Regional IT teams are left out of the early waves"),
                    ("By region, starting with the UK",
                     "Matches how their IT rolls out software",
                     "Mixed use cases make training harder"),
                ),
                expected="Wave 2 above 60% weekly active after six weeks",
                reopen=("Wave 2 below 45% weekly active after four weeks",),
                action="Schedule champion training for the first wave 2 group",
            ),
            DemoDecision(
                question="Offer Woodgrove Bank a three-year price lock at renewal?",
                problem="They want price certainty before committing 40,000 seats",
                context="Our unit cost falls about 20% a year",
                options=(
                    ("A three-year lock with a usage cap per seat",
                     "Gives them certainty, and the cap protects our margin",
                     "Negotiating the cap delays the renewal"),
                    ("A one-year term at list price",
                     "Keeps our pricing flexible",
                     "They have said they will not sign 40,000 seats for one year"),
                    ("A three-year lock with no cap",
                     "The fastest signature",
                     "Heavy agent usage could make the account unprofitable"),
                ),
                expected="Renewal signed for 40,000 seats at a gross margin above 60%",
                reopen=("Usage per seat above the cap for two months running",),
                action="Send the renewal proposal to Woodgrove Bank's procurement team",
                note=("position", "Marcus Bell wants the lock with no cap to close before "
                      "year end; Daniel Osei will not approve it uncapped"),
            ),
            DemoDecision(
                question="Use Woodgrove Bank's data-loss-prevention service or ours?",
                problem="Wave 2 includes departments that handle customer account data",
                context="Their DLP service runs on their premises",
                options=(
                    ("Integrate theirs through an outbound webhook",
                     "Their DLP policies stay the source of truth",
                     "Adds 120 ms to every request"),
                    ("Rely on our own redaction",
                     "No latency cost",
                     "Their security team will not accept a second set of rules"),
                ),
                expected="Wave 2 approved by their security team",
                reopen=("DLP latency above 200 ms at p95",),
                action="Agree the DLP test plan with Woodgrove Bank's IT team",
            ),
            DemoDecision(
                question="Drop the usage cap from Woodgrove Bank's price lock?",
                problem="Their procurement will not sign a three-year lock with a cap they "
                "cannot forecast",
                context="Wave 1 usage per seat is 40% under the proposed cap",
                options=(
                    ("Drop the cap; add a fair-use review after year one",
                     "Their usage sits well under the cap, and the review keeps a lever",
                     "A fair-use review is weaker than a cap if agents take off"),
                    ("Keep the cap and raise it by half",
                     "Keeps a hard limit that still fits their usage",
                     "Procurement has said no to any cap"),
                ),
                expected="Renewal signed before the end of January",
                reopen=("Usage per seat doubles before the fair-use review",),
                action="Send the revised lock terms to Woodgrove Bank's procurement team",
                revises=3,
            ),
        ),
        blockers=(
            DemoBlocker("Woodgrove Bank's security review wants a penetration test report", "high",
                        "Security team", "Sent our latest third-party pen test under NDA"),
            DemoBlocker("DLP integration needs a firewall change at Woodgrove Bank", "medium",
                        "Woodgrove Bank IT", "Their change board approved the firewall change"),
            DemoBlocker("SCIM provisioning drops people with non-ASCII names", "high",
                        "Identity team", "Fixed; 212 people provisioned again"),
            DemoBlocker("Woodgrove Bank's model risk team has not had our eval results", "medium",
                        "Evals team", "Results shared from the eval platform"),
            DemoBlocker("Year-end change freeze at Woodgrove Bank", "low", "Woodgrove Bank IT",
                        "Freeze exemption granted for wave 2"),
            DemoBlocker("Woodgrove Bank's red-team injection report unanswered", "critical",
                        "Safety team", "Fix shipped; their red team verified it"),
        ),
        actions=(
            "Send Woodgrove Bank the wave 1 adoption report",
            "Prepare the renewal deck with Customer Success",
            "Set up the weekly call with Woodgrove Bank's model risk team",
        ),
        notes=(
            ("signal", "Woodgrove Bank's operations team saved 1,400 hours in wave 1, by "
                       "their own count"),
            ("must-say", "The renewal hangs on EU residency and wave 2; neither has a firm "
                         "date today"),
            ("question", "Who at Woodgrove Bank actually signs the renewal: the CIO or "
                         "procurement?"),
            ("position", "Priya Raman will not build a dedicated stack for one customer"),
        ),
    ),
    DemoWorkstream(
        title="Kestrel 4 migration",
        area="the Kestrel 4 migration",
        objective="Move all production traffic from Kestrel 3 to Kestrel 4 by mid-December "
        "with no regression on any enterprise customer's eval set",
        leaders=("Tomás Ferreira", "Grace Liu", "Priya Raman"),
        status={
            "on_track": (
                "25% of assistant traffic on Kestrel 4; thumbs-up rate up 3 points",
                "API customers can opt in; 40 have",
                "Every customer eval set passes on Kestrel 4",
            ),
            "at_risk": (
                "Kestrel 4 is 18% slower at p95 on long prompts",
                "Two enterprise customers' eval sets regress on formatting",
                "Serving capacity for Kestrel 4 is tight until December",
            ),
            "off_track": (
                "Rolled back: the tool-calling format change broke integrations",
                "Refusals on medical questions doubled; rollout frozen",
            ),
            "paused": ("Rollout paused during the capacity crunch",),
            "done": ("All traffic on Kestrel 4; Kestrel 3 takes no new requests",),
        },
        points=(
            "Decide the Kestrel 3 deprecation date",
            "Go / no-go for all assistant traffic on Kestrel 4",
            "Approve switching the API default",
        ),
        escalations=(
            "Enterprise customers want Kestrel 3 past the deprecation date",
            "The latency regression needs an executive call: ship or wait",
        ),
        closing="Migration complete; Kestrel 3 serves only pinned customers until March",
        decisions=(
            DemoDecision(
                question="When does Kestrel 3 stop taking new API requests?",
                problem="Running both models costs 20% more capacity",
                context="API customers pin model versions; contracts promise 90 days' notice",
                options=(
                    ("90 days after Kestrel 4 becomes the default",
                     "Meets the notice the contracts promise",
                     "Double capacity until March"),
                    ("30 days after the default switch",
                     "Saves two months of double capacity",
                     "Breaks the 90-day notice in enterprise contracts"),
                    ("Keep Kestrel 3 for pinned customers indefinitely",
                     "Nobody is forced to move",
                     "Double capacity for ever"),
                ),
                expected="Kestrel 3 retired by March with fewer than five exceptions",
                reopen=("An enterprise contract requires longer notice",),
                action="Send the deprecation notice to pinned API customers",
            ),
            DemoDecision(
                question="Ship Kestrel 4 with its latency regression on long prompts?",
                problem="p95 latency is 18% worse on prompts over 32k tokens",
                context="The quality gains are largest on exactly those prompts",
                options=(
                    ("Ship, and fix latency with speculative decoding in a follow-up",
                     "Customers get the quality now",
                     "Long-prompt users feel the slowdown for a month"),
                    ("Hold until latency matches Kestrel 3",
                     "No visible regression",
                     "Delays the quality gain for everyone by six weeks"),
                    ("Ship for prompts under 32k only",
                     "No regression anywhere",
                     "Two models in one conversation confuse users and are hard to debug"),
                ),
                expected="Thumbs-up rate up 2 points, with p95 back to parity by January",
                reopen=("More than ten enterprise tenants complain about latency",),
                action="Explain the latency trade-off in the release notes",
                note=("position", "Grace Liu would hold the release until latency matches; "
                      "Priya Raman would ship"),
            ),
            DemoDecision(
                question="New tool-calling format in Kestrel 4, or keep Kestrel 3's?",
                problem="The new format is more reliable but breaks existing parsers",
                context="Customer integrations parse the old format",
                options=(
                    ("Old format by default; the new one opt-in",
                     "Breaks no integration",
                     "Most customers will never switch to the more reliable format"),
                    ("New format by default, with a compatibility flag",
                     "Reliability for everyone who does nothing",
                     "It broke two integrations in the canary"),
                ),
                expected="No integration broken by the migration",
                reopen=("The new format passes half of tool-calling traffic",),
                action="Document the tool-calling format in the migration guide",
            ),
            DemoDecision(
                question="Let enterprise customers stay on Kestrel 3 past March for a fee?",
                problem="Two banks need six months to validate a new model",
                context="Their model risk process is a regulatory requirement, not a "
                "preference",
                options=(
                    ("Yes, until September, priced at our reserved capacity cost",
                     "Respects their regulators and covers our cost",
                     "Keeps a small Kestrel 3 fleet alive for six months"),
                    ("No extensions",
                     "A clean cut",
                     "Both banks would pause their rollouts"),
                ),
                expected="Both banks validated on Kestrel 4 by September",
                reopen=("More than three customers ask for the extension",),
                action="Tell the two banks the answer on Kestrel 3",
            ),
            DemoDecision(
                question="Fix the medical refusal regression before going wider?",
                problem="Kestrel 4 refuses 9% of medical questions; Kestrel 3 refused 4%",
                context="Lamna Healthcare is a design partner",
                options=(
                    ("Fix it with a targeted fine-tune before passing 50% of traffic",
                     "Protects healthcare tenants at the cost of a small delay",
                     "A two-week delay"),
                    ("Ship now and fix later",
                     "No delay",
                     "Lamna Healthcare would pause their rollout"),
                ),
                expected="Medical refusals at or below Kestrel 3's rate",
                reopen=("Medical refusals still above 5% after the fine-tune",),
                action="Share the medical refusal eval with Lamna Healthcare",
            ),
        ),
        blockers=(
            DemoBlocker("Not enough serving capacity for Kestrel 4 until new GPUs arrive",
                        "high", "GPU capacity plan", "Reserved fleet rebalanced; capacity freed"),
            DemoBlocker("Tool-calling format change broke two integrations", "critical",
                        "Developer Platform", "Compatibility flag shipped"),
            DemoBlocker("Refusal regression on medical questions", "high", "Applied Research",
                        "Targeted fine-tune shipped"),
            DemoBlocker("Not every enterprise eval set is onboarded", "medium", "Evals team",
                        "All sets onboarded"),
            DemoBlocker("Migration guide waiting on Developer Relations' review", "low",
                        "Developer Relations", "Guide published"),
        ),
        actions=(
            "Post the Kestrel 4 rollout percentages in the launch channel",
            "Call the five largest API customers about the migration",
            "Compare Kestrel 4 and Kestrel 3 on each enterprise eval set",
        ),
        notes=(
            ("signal", "Kestrel 4 thumbs-up rate is 3 points above Kestrel 3 in the 25% "
                       "cohort"),
            ("debate", "Resolved: no model ships to everyone without passing each "
                       "enterprise eval set"),
            ("bet", "Kestrel 4 lets us drop the price of the standard tier in Q1 2027"),
        ),
    ),
    DemoWorkstream(
        title="Usage-based API pricing",
        area="API pricing",
        objective="Move API customers to per-token pricing with committed-use discounts by "
        "1 January, losing no more than 2% of API revenue",
        leaders=("Daniel Osei", "Marcus Bell", "Priya Raman"),
        status={
            "on_track": (
                "Pricing page draft approved",
                "Billing dry run matched invoices to the cent",
                "Top 20 API customers briefed; 14 accepted the commit offer",
            ),
            "at_risk": (
                "Three large customers would pay 30% more and push back",
                "Billing migration needs a December freeze",
                "Finance and Sales disagree on the commit discount",
            ),
            "off_track": (
                "Dry run found rounding errors in 4% of invoices; launch date at risk",
                "Our largest API customer threatened to move to a competitor",
            ),
            "paused": ("Paused for the board's pricing review",),
            "done": ("Every API customer on the new pricing; revenue tracked in the monthly "
                     "business review",),
        },
        points=(
            "Approve the committed-use discount table",
            "Decide how long old prices are kept",
            "Set the date of the price change",
        ),
        escalations=(
            "Our largest API customer threatens to leave over the price change",
            "Finance and Sales cannot agree on discounts",
        ),
        closing="Migration complete; pricing moves to the monthly business review",
        decisions=(
            DemoDecision(
                question="How long do existing API customers keep their old prices?",
                problem="Some customers pay less under the old flat pricing",
                context="Three customers would pay more than 30% extra",
                options=(
                    ("Six months, then the new pricing",
                     "Time to adjust, without running two billing systems for a year",
                     "Some will still churn in month seven"),
                    ("Twelve months",
                     "The fewest complaints",
                     "Two billing systems for a year"),
                    ("No grace period",
                     "One system from day one",
                     "Tells our most loyal customers we do not value them"),
                ),
                expected="API revenue loss under 2% over the migration",
                reopen=("More than five customers give notice over pricing",),
                action="Write the grace-period emails to existing API customers",
            ),
            DemoDecision(
                question="What discount do committed-use contracts get?",
                problem="Finance wants 10%; Sales wants 25%",
                context="Competitors give 15–20% for annual commitments",
                options=(
                    ("15% for one year, 22% for two",
                     "Competitive, and a reason to commit for longer",
                     "Sales says it is not enough for the largest accounts"),
                    ("10% flat",
                     "Protects margin",
                     "Below every competitor's offer"),
                    ("25% flat",
                     "The easiest to sell",
                     "Cuts API gross margin by 6 points"),
                ),
                expected="Half of API revenue under commitments by the end of Q1 2027",
                reopen=("Fewer than a quarter of customers commit by February",),
                action="Publish the discount table to the sales team",
                note=("position", "Marcus Bell needs 25% for the top ten accounts; Daniel "
                      "Osei's ceiling is 20%"),
            ),
            DemoDecision(
                question="Charge for cached input tokens?",
                problem="Prompt caching saves us 70% of compute on repeated prefixes",
                context="Customers with long system prompts ask for a discount",
                options=(
                    ("Cached tokens at a quarter of the input price",
                     "Shares the saving and rewards good prompt design",
                     "Billing must meter cache hits"),
                    ("Full price",
                     "The simplest",
                     "Competitors already discount cached input"),
                    ("Cached tokens free",
                     "The strongest message",
                     "Gives away the margin caching creates"),
                ),
                expected="Lower bills for customers with long system prompts, with margin flat",
                reopen=("Cache-hit metering errors above 1%",),
                action="Tell Billing how cached tokens will be charged",
            ),
            DemoDecision(
                question="Keep a free API tier?",
                problem="Free API keys cost $300k a quarter, and a third look like abuse",
                context="Most paying API customers started on the free tier",
                options=(
                    ("Keep it, capped at $5 of usage, with phone verification",
                     "Keeps the funnel and cuts the abuse",
                     "Phone verification adds friction at sign-up"),
                    ("Drop it; give trial credits to sign-ups with a card",
                     "Stops the abuse",
                     "Asking for a card halves sign-ups"),
                ),
                expected="Free-tier cost down 60%, sign-ups within 15% of today",
                reopen=("Sign-ups fall by more than a quarter",),
                action="Update the API sign-up page for the free-tier decision",
            ),
            DemoDecision(
                question="Move the price change from 1 January to 1 February?",
                problem="The billing dry run found rounding errors",
                context="The fix takes two weeks and the re-test another two",
                options=(
                    ("Move to 1 February",
                     "Time to fix and test again",
                     "A month of revenue below plan"),
                    ("Keep 1 January and fix in flight",
                     "Plan revenue holds",
                     "Wrong invoices to our largest customers in January"),
                ),
                expected="No invoice corrections in the first month",
                reopen=("Dry run clean before 15 December",),
                action="Tell Finance the revenue effect of the price change date",
            ),
            DemoDecision(
                question="Give the three largest API customers nine months at their old prices?",
                problem="All three would pay over 30% more and have said they will look "
                "elsewhere",
                context="Together they are 18% of API revenue",
                options=(
                    ("Nine months for those three, six for everyone else",
                     "Keeps 18% of revenue while they move to commitments",
                     "Other customers will ask why they got less"),
                    ("Six months for everyone, as decided",
                     "One rule for all customers",
                     "Risks losing 18% of API revenue in one quarter"),
                ),
                expected="All three on committed-use contracts by the end of Q2 2027",
                reopen=("A fourth customer asks for the same terms",),
                action="Call the three largest API customers about their terms",
                revises=0,
            ),
        ),
        blockers=(
            DemoBlocker("Billing cannot meter cached tokens", "high", "Billing team",
                        "Cache-hit metering shipped"),
            DemoBlocker("Dry run found rounding errors in 4% of invoices", "critical",
                        "Billing team", "Rounding moved to the invoice level; dry run clean"),
            DemoBlocker("Legal review of the new API terms", "medium", "Legal",
                        "Terms approved"),
            DemoBlocker("Pricing page needs Design", "low", "Design team",
                        "A design contractor finished the page"),
            DemoBlocker("Tax treatment of prepaid commitments unclear in three countries",
                        "medium", "Finance", "Tax advisers confirmed the treatment"),
        ),
        actions=(
            "Brief the top 20 API customers on the new pricing",
            "Model revenue under the three discount tables",
            "Update the pricing FAQ for Support",
        ),
        notes=(
            ("signal", "Six of the top 20 API customers asked for committed-use terms "
                       "unprompted"),
            ("question", "Do we grandfather customers on annual contracts signed this "
                         "quarter?"),
            ("must-say", "We are repricing our largest customers in their renewal month; "
                         "the sequencing needs an owner"),
        ),
    ),
    DemoWorkstream(
        title="Enterprise admin controls",
        area="the admin console",
        objective="Give enterprise admins SCIM, audit log export and retention controls: the "
        "top three gaps on every security questionnaire",
        leaders=("Priya Raman", "Marcus Bell", "Helena Novak"),
        status={
            "on_track": (
                "SCIM shipped for Okta and Entra ID",
                "Audit log export to customers' SIEM in beta with four tenants",
                "Retention controls designed and reviewed",
            ),
            "at_risk": (
                "Audit log volume is five times the estimate; storage cost concern",
                "No design capacity for the retention screens for a month",
                "Entra ID certification pending",
            ),
            "off_track": (
                "Audit log pipeline dropped events under load; beta paused",
                "Questionnaire answers promised features we have not built",
            ),
            "paused": ("Paused while the team helps with the EU cutover",),
            "done": ("SCIM, audit logs and retention controls generally available",),
        },
        points=(
            "Decide audit log retention",
            "Approve the retention controls design",
            "Pick the SIEM integrations",
        ),
        escalations=(
            "Sales keeps promising audit log features that are not built",
            "Audit log storage needs a budget decision",
        ),
        closing="Shipped; the admin roadmap continues with the enterprise team",
        decisions=(
            DemoDecision(
                question="How long do we keep audit logs by default?",
                problem="Questionnaires ask for a year; storage is the largest cost",
                context="Audit logs run at five times the estimated volume",
                options=(
                    ("One year, with export to the customer's SIEM",
                     "Meets the questionnaires, and customers can keep more themselves",
                     "About $40k a month of storage"),
                    ("90 days",
                     "Cheap",
                     "Fails most banks' questionnaires"),
                    ("Seven years",
                     "Covers every regulator",
                     "Costs more than the feature earns"),
                ),
                expected="No deal lost over audit log retention",
                reopen=("Storage cost above $60k a month",),
                action="Update the security questionnaire answers on retention",
            ),
            DemoDecision(
                question="Which SIEM integrations ship first?",
                problem="Customers want audit logs in their own tools",
                context="Splunk and Microsoft Sentinel cover 70% of requests",
                options=(
                    ("Splunk and Sentinel, plus a generic webhook",
                     "Covers most requests, and the webhook covers the rest",
                     "No native connector for the rest"),
                    ("A generic webhook only",
                     "One integration to build",
                     "Security teams want native connectors"),
                ),
                expected="A third of enterprise tenants export audit logs within a quarter",
                reopen=("Five customers ask for another native connector",),
                action="Write the SIEM integration guide",
            ),
            DemoDecision(
                question="SCIM on the business plan, or enterprise only?",
                problem="Business-plan customers leave for competitors that include SCIM",
                context="SCIM is one of our enterprise upsell levers",
                options=(
                    ("SCIM in the business plan; audit logs stay enterprise-only",
                     "Stops churn over a table-stakes feature; audit logs keep the upsell",
                     "Gives up one upsell lever"),
                    ("Enterprise only",
                     "Keeps the upsell",
                     "Business-plan churn to competitors continues"),
                ),
                expected="Business-plan churn down 2 points",
                reopen=("Enterprise upgrades fall by a fifth",),
                action="Brief Sales on SCIM packaging",
                note=("position", "Marcus Bell wants SCIM kept enterprise-only for the "
                      "upsell"),
            ),
            DemoDecision(
                question="Let admins restrict which models their people can use?",
                problem="Regulated customers want to allow only approved models",
                context="Today every user picks their own model",
                options=(
                    ("Yes: a model allowlist per workspace",
                     "Simple, and matches how model risk teams work",
                     "One more settings page"),
                    ("No; document the API header",
                     "No interface to build",
                     "Admins are not developers"),
                ),
                expected="Every regulated tenant uses the allowlist within a quarter",
                reopen=("Fewer than 10 tenants use it after 90 days",),
                action="Tell the regulated tenants whether admins can restrict models",
            ),
            DemoDecision(
                question="Audit log pipeline on our event bus or a managed service?",
                problem="The pipeline dropped events under load",
                context="The managed service costs $18k a month",
                options=(
                    ("A managed service",
                     "Durable delivery, with no on-call for us",
                     "One more vendor holding customer metadata"),
                    ("Fix our event bus",
                     "No new vendor",
                     "Two months of work and the same on-call"),
                ),
                expected="No dropped audit events",
                reopen=("The managed service's price doubles",),
                action="Write up the audit log pipeline plan",
            ),
        ),
        blockers=(
            DemoBlocker("Audit log pipeline drops events above 5,000 per second", "critical",
                        "Data Platform team", "Moved to the managed pipeline"),
            DemoBlocker("Entra ID SCIM certification pending", "medium", "Microsoft",
                        "Certified"),
            DemoBlocker("No design capacity for the retention screens", "medium",
                        "Design team", "A designer moved over from Growth"),
            DemoBlocker("Security questionnaire answers out of date", "low",
                        "Sales Engineering", "Answers updated and approved"),
            DemoBlocker("Audit log storage budget not approved", "high", "Finance",
                        "Budget approved"),
        ),
        actions=(
            "Collect the last 30 security questionnaires and count the gaps",
            "Demo audit log export to the four beta tenants",
            "Write the admin controls launch post",
        ),
        notes=(
            ("signal", "Audit logs were the top gap in 9 of the last 12 security "
                       "questionnaires"),
            ("question", "Should retention controls also cover agent transcripts?"),
        ),
    ),
    DemoWorkstream(
        title="Grounded answers and connectors",
        area="grounded answers",
        objective="Raise answer accuracy on customer documents from 78% to 88% on the "
        "grounded-answers eval, and ship SharePoint and Confluence connectors",
        leaders=("Tomás Ferreira", "Priya Raman", "Marcus Bell"),
        status={
            "on_track": (
                "Grounded-answers eval at 84%, up from 78%",
                "SharePoint connector in beta with six tenants",
                "Citations now link to the paragraph, not the document",
            ),
            "at_risk": (
                "Confluence permissions sync lags by hours",
                "Re-ranker adds 300 ms; accuracy gain depends on it",
            ),
            "off_track": (
                "Connector showed documents a user had no access to; beta paused",
            ),
            "paused": ("Paused while the team helps the Kestrel 4 migration",),
            "done": ("88% on the grounded-answers eval; both connectors generally available",),
        },
        points=(
            "Go / no-go for the SharePoint connector",
            "Decide whether the re-ranker ships",
        ),
        escalations=(
            "A permission leak in the connector needs an executive call on the beta",
        ),
        closing="Target met; connectors handed to the integrations team",
        decisions=(
            DemoDecision(
                question="Ship the re-ranker despite 300 ms of extra latency?",
                problem="The re-ranker gives four of the ten accuracy points we need",
                context="Enterprise users rate accuracy above speed in every survey",
                options=(
                    ("Ship it for document questions only",
                     "The accuracy where it matters; chat stays fast",
                     "Two retrieval paths to maintain"),
                    ("Ship it everywhere",
                     "One path, the most accurate",
                     "Slows every chat message, most of which need no documents"),
                    ("Wait for a faster re-ranker",
                     "No latency cost",
                     "Misses the accuracy target this quarter"),
                ),
                expected="88% on the grounded-answers eval by the end of the year",
                reopen=("Users rate document answers slower without rating them better",),
                action="Add the re-ranker latency to the weekly quality dashboard",
            ),
            DemoDecision(
                question="Check document permissions at sync time or at query time?",
                problem="The connector showed a document to someone without access",
                context="Query-time checks add a call to the customer's SharePoint per answer",
                options=(
                    ("At query time, with a five-minute cache",
                     "Permissions are never more than five minutes old",
                     "Adds 80 ms and load on the customer's SharePoint"),
                    ("At sync time only",
                     "Fast",
                     "Permissions can be hours stale: exactly how the leak happened"),
                ),
                expected="No permission leak in the beta or after GA",
                reopen=("Customers' SharePoint throttles our permission checks",),
                action="Write the incident report on the permission leak",
                note=("must-say", "The connector leaked a document across permissions; the "
                      "customer has to hear it from us first"),
            ),
            DemoDecision(
                question="Build the Confluence connector ourselves or license one?",
                problem="Confluence is the second most requested source",
                context="A connector vendor covers Confluence and 40 other sources",
                options=(
                    ("Build it on the SharePoint connector's framework",
                     "Reuses the permission model we just fixed",
                     "Six weeks of the team's time"),
                    ("License the vendor's connector",
                     "Live in two weeks",
                     "A third party would see customer documents"),
                ),
                expected="Confluence connector in beta by January",
                reopen=("Customers ask for more than three other sources",),
                action="Scope the Confluence connector with two design partners",
            ),
        ),
        blockers=(
            DemoBlocker("Permission leak in the SharePoint connector", "critical",
                        "Security team", "Query-time permission checks shipped"),
            DemoBlocker("Confluence API rate limits for large tenants", "medium",
                        "Atlassian partner team", "Higher limits granted for our app"),
            DemoBlocker("Grounded-answers eval has no non-English documents", "low",
                        "Evals team", "German and Japanese sets added"),
        ),
        actions=(
            "Review the grounded-answers failures with two design partners",
            "Brief the beta tenants on the connector's permission model",
        ),
        notes=(
            ("signal", "Citations are the first thing buyers test in a pilot"),
            ("bet", "Grounded answers on customer documents will win more deals than "
                    "agents next year"),
        ),
    ),
)

# (option, why choose it, why not): offered later on any open decision. Never chosen in
# the demo, since the expected outcome and reopen conditions are the decision's own.
DEMO_EXTRA_OPTIONS = (
    ("Run a two-week spike before deciding",
     "The cheapest way to learn before committing",
     "Two more weeks without an answer, and a spike cannot settle the hard part"),
    ("Decide the first phase now and the rest in Q1 2027",
     "Lets the work start while the uncertain half waits",
     "Two decisions where one would do, and the second is harder to reopen"),
    ("Do nothing this quarter",
     "No cost now",
     "The problem grows while we wait"),
)
DEMO_STATUS_NOTES = {  # once a workstream's own news for that state is told
    "on_track": ("On plan; nothing new to flag", "Steady week; no change",
                 "Weekly demo went well; no new risks", ""),
    "at_risk": ("Still at risk for the same reason as last week",
                "Two engineers out this week; the plan holds only if nothing else slips",
                "Waiting on a dependency; the date is at risk by a week"),
    "off_track": ("Still off track; re-plan due on Friday",
                  "Date missed; the new date depends on the re-plan"),
    "paused": ("Still paused", ""),
    "done": ("Objective met; closing after the retro",),
}
DEMO_DEESCALATIONS = (
    "Agreed in the staff meeting",
    "Executive call made; the team is unblocked",
    "Resolved between the two leads",
    "",
)
DEMO_DEFERRALS = (
    "Decider out this week",
    "The deciders asked for more data first",
    "Needs the 2027 budget settled first",
    "Waiting for the owning team's estimate",
    "Parked until after quarterly planning",
)
DEMO_WITHDRAWALS = (
    "Overtaken by the reorganisation of the platform teams",
    "Merged into a broader decision on the same question",
    "Not ours to decide; handed to the owning team",
    "Overtaken by events: it no longer needs an answer this quarter",
)
DEMO_REOPENINGS = (  # the condition met is recorded beside the reason
    "The reopen condition was met",
    "Reopen condition met; raised in the staff meeting",
    "The owner reports that a reopen condition is met",
)
DEMO_BLOCKER_ESCALATIONS = (
    "Past its threshold with no movement from the owning team",
    "Needs a decision above the team",
    "Cross-team priority conflict",
    "Holding up the workstream's next milestone",
)
DEMO_RESOLUTION_AGAIN = "Fixed again, this time verified in production"
DEMO_BLOCKER_REOPENINGS = (
    "The fix did not hold",
    "Came back in the latest release",
    "Closed too early: the owning team had not finished",
)
DEMO_HELD_NOTES = (
    "Good discussion; owners confirmed",
    "Ran long on {area}",
    "Agreed next steps on {area}",
    "Decisions written up in the meeting doc",
    "Quick one: nothing controversial",
    "",
)
DEMO_THEATER_NOTES = (
    "Status round-robin; nothing needed a decision",
    "Read-out of updates already in the doc",
    "Walked the dashboards; no questions",
    "",
)

# The demo's operating rhythm: name, cadence, purpose, weekday (0 = Monday), theater
# (False; True: from the start, so it gets retired; or the day it drifted into it, which
# leaves it for the ritual audit to catch). The last one replaces the one retired.
DEMO_RITUALS = (
    ("Weekly product staff meeting", "weekly",
     "Decide what is stuck; escalate what the team cannot", 3, False),
    ("Model quality review", "weekly",
     "Read the eval results and decide what ships", 1, False),
    ("Launch readiness review", "weekly", "Go / no-go for the week's launches", 2, False),
    ("Monday metrics walkthrough", "weekly",
     "Walk the usage, cost and quality dashboards together", 0, True),
    ("Safety council", "biweekly",
     "Rule on safety findings and policy exceptions", 1, False),
    ("GPU capacity council", "biweekly",
     "Match GPU supply to the demand forecast", 4, False),
    ("Roadmap sync with Sales", "weekly",
     "Keep what Sales promises in line with the roadmap", 4, date(2026, 10, 19)),
    ("Written metrics update", "weekly",
     "Usage, cost and quality numbers in writing; questions in the thread", 0, False),
)
# What each meeting is for: the workstreams whose decisions it informs and blockers it
# surfaces (none listed: every workstream).
DEMO_RITUAL_SCOPE = {
    "Model quality review": (
        "Model evaluation platform", "Kestrel 4 migration", "Inference cost reduction",
        "Grounded answers and connectors", "Agent builder GA",
    ),
    "Launch readiness review": (
        "Agent builder GA", "Kestrel 4 migration", "Enterprise admin controls",
        "Grounded answers and connectors", "Usage-based API pricing", "EU data residency",
        "Woodgrove Bank rollout",
    ),
    "Safety council": (
        "Tool-use safety review", "Agent builder GA", "Woodgrove Bank rollout",
        "Grounded answers and connectors", "EU data residency",
    ),
    "GPU capacity council": (
        "GPU capacity plan 2027", "Inference cost reduction", "EU data residency",
        "Kestrel 4 migration", "Model evaluation platform",
    ),
    "Roadmap sync with Sales": (
        "Woodgrove Bank rollout", "Usage-based API pricing", "Enterprise admin controls",
        "Agent builder GA", "EU data residency",
    ),
    "Written metrics update": (
        "Inference cost reduction", "Usage-based API pricing", "Kestrel 4 migration",
        "Woodgrove Bank rollout", "Agent builder GA",
    ),
}
DEMO_RETIREMENT = (
    "{n} walkthroughs in a row informed no decision and surfaced no blocker; the numbers "
    "move to a written Monday update"
)
# (ritual number, not before, kind, text): notes about the operating rhythm itself.
DEMO_RITUAL_NOTES = (
    (4, date(2026, 9, 21), "question",
     "Does anyone act on the Monday metrics walkthrough? Nobody could name a decision it "
     "changed"),
    (4, date(2026, 9, 28), "position",
     "Grace Liu would rather read the metrics than sit through them"),
    (1, date(2026, 9, 1), "signal",
     "The staff meeting agenda overflowed three weeks running; decisions pushed to email"),
    (2, date(2026, 9, 7), "debate",
     "Resolved: the model quality review can block a release, not only advise"),
    (7, date(2026, 10, 30), "question",
     "Is the roadmap sync still earning its hour? It has been a read-out of the same list "
     "for weeks"),
    (7, date(2026, 11, 5), "position",
     "Marcus Bell wants to keep the roadmap sync: it is where Sales hears about slips first"),
    (5, date(2026, 10, 1), "must-say",
     "Safety council rulings arrive after launch dates are set; say that the order is "
     "backwards"),
)
DEMO_RITUAL_ACTIONS = (
    "Write up and circulate this meeting's decisions",
    "Put the open escalations on next week's agenda",
    "Chase the owners of the items this meeting could not settle",
)
