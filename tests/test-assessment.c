/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "fw-core.h"

#define CX FW_STAGE_CUSTOMER_EXPERIENCE
#define TRAFFIC FW_STAGE_TRAFFIC
#define DATA FW_STAGE_DATA
#define MODEL FW_STAGE_MODEL

#define UNANSWERED FW_STAGE_STATE_UNANSWERED
#define WEAK FW_STAGE_STATE_WEAK
#define HOLDS FW_STAGE_STATE_HOLDS
#define STRONG FW_STAGE_STATE_STRONG
#define BROKEN FW_STAGE_STATE_BROKEN

/* Every stage answered with @evidence, step 2 done (a task, ML applies),
 * nothing ticked, no question answered. */
static FwIdea *
idea_with (FwEvidence evidence)
{
  FwIdea *idea = fw_idea_new ();

  fw_idea_set_task (idea, FW_TASK_CLASSIFICATION);
  fw_idea_set_applicability (idea, FW_APPLICABILITY_YES);

  for (guint s = 0; s < FW_N_STAGES; s++)
    {
      fw_idea_set_why (idea, s, "Because customers said so.");
      fw_idea_set_evidence (idea, s, evidence);
    }
  return idea;
}

static gboolean
has_reason (const FwAssessment *a,
            int                 stage,
            FwReasonKind        kind,
            const char         *text)
{
  for (guint i = 0; i < fw_assessment_get_n_reasons (a); i++)
    {
      const FwReason *r = fw_assessment_get_reason (a, i);

      if (r->stage == stage && r->kind == kind && g_str_equal (r->text, text))
        return TRUE;
    }
  return FALSE;
}

static guint
count_reasons (const FwAssessment *a,
               int                 stage,
               FwReasonKind        kind)
{
  guint n = 0;

  for (guint i = 0; i < fw_assessment_get_n_reasons (a); i++)
    {
      const FwReason *r = fw_assessment_get_reason (a, i);

      n += r->stage == stage && r->kind == kind;
    }
  return n;
}

static gboolean
has_advice (const FwAssessment *a,
            const char         *text)
{
  return g_strv_contains (fw_assessment_get_advice (a), text);
}

static void
assert_states (const FwAssessment *a,
               FwStageState        cx,
               FwStageState        traffic,
               FwStageState        data,
               FwStageState        model)
{
  g_assert_cmpstr (fw_stage_state_to_id (fw_assessment_get_stage_state (a, CX)), ==,
                   fw_stage_state_to_id (cx));
  g_assert_cmpstr (fw_stage_state_to_id (fw_assessment_get_stage_state (a, TRAFFIC)), ==,
                   fw_stage_state_to_id (traffic));
  g_assert_cmpstr (fw_stage_state_to_id (fw_assessment_get_stage_state (a, DATA)), ==,
                   fw_stage_state_to_id (data));
  g_assert_cmpstr (fw_stage_state_to_id (fw_assessment_get_stage_state (a, MODEL)), ==,
                   fw_stage_state_to_id (model));
}

/* One row of the rules table, fired alone on an idea whose stages all hold. */
typedef struct
{
  const char   *name;
  void        (*setup) (FwIdea *idea);
  FwStageState  states[FW_N_STAGES];
  int           stage;
  FwReasonKind  kind;
  const char   *reason;
  const char   *advice;  /* or NULL */
} RowCase;

#define TICK(idea, c) fw_idea_set_condition (idea, FW_CONDITION_##c, TRUE)
#define SAY(idea, q, a) fw_idea_set_answer (idea, FW_QUESTION_##q, FW_ANSWER_##a)

static void
setup_accuracy_no_fallback (FwIdea *idea)
{
  TICK (idea, FULL_ACCURACY);
  SAY (idea, HUMAN_FALLBACK, NO);
}

static void
setup_accuracy_fallback_unanswered (FwIdea *idea)
{
  TICK (idea, FULL_ACCURACY);
}

static void
setup_explainability_all_no (FwIdea *idea)
{
  TICK (idea, FULL_EXPLAINABILITY);
  SAY (idea, ERROR_COST_SMALL, NO);
  SAY (idea, HUMAN_DECIDES, NO);
  SAY (idea, INTERPRETABLE_OK, NO);
}

static void
setup_explainability_unanswered (FwIdea *idea)
{
  TICK (idea, FULL_EXPLAINABILITY);
  SAY (idea, ERROR_COST_SMALL, NO);
  SAY (idea, HUMAN_DECIDES, NO);
}

static void
setup_users_would_not_miss (FwIdea *idea)
{
  SAY (idea, USERS_WOULD_MISS, NO);
}

static void
setup_data_not_collected (FwIdea *idea)
{
  SAY (idea, DATA_COLLECTED, NO);
}

static void
setup_data_not_allowed (FwIdea *idea)
{
  SAY (idea, DATA_ALLOWED, NO);
}

static void
setup_existing_algorithm (FwIdea *idea)
{
  TICK (idea, EXISTING_ALGORITHM);
}

static void
setup_no_new_data (FwIdea *idea)
{
  TICK (idea, NO_NEW_DATA);
}

static void
setup_accuracy_with_fallback (FwIdea *idea)
{
  TICK (idea, FULL_ACCURACY);
  SAY (idea, HUMAN_FALLBACK, YES);
}

static void
setup_explainability_error_cost_small (FwIdea *idea)
{
  TICK (idea, FULL_EXPLAINABILITY);
  SAY (idea, ERROR_COST_SMALL, YES);
}

static void
setup_explainability_human_decides (FwIdea *idea)
{
  TICK (idea, FULL_EXPLAINABILITY);
  SAY (idea, ERROR_COST_SMALL, NO);
  SAY (idea, HUMAN_DECIDES, YES);
}

static void
setup_explainability_interpretable_ok (FwIdea *idea)
{
  TICK (idea, FULL_EXPLAINABILITY);
  SAY (idea, INTERPRETABLE_OK, YES);
}

static void
setup_errors_not_acceptable (FwIdea *idea)
{
  SAY (idea, ERRORS_ACCEPTABLE, NO);
}

static void
setup_complex_logic (FwIdea *idea)
{
  TICK (idea, COMPLEX_LOGIC);
}

static void
setup_scalability (FwIdea *idea)
{
  TICK (idea, SCALABILITY);
}

static void
setup_immediate_response (FwIdea *idea)
{
  TICK (idea, IMMEDIATE_RESPONSE);
}

static void
setup_personalization (FwIdea *idea)
{
  TICK (idea, PERSONALIZATION);
}

static const char accuracy_advice[] =
  "Design a human fallback for the cases the model is unsure about, or drop the 100% requirement.";
static const char explainability_advice[] =
  "Check whether a human can make the final decision, or whether a simple, interpretable "
  "model is accurate enough.";
static const char data_advice[] =
  "Record the feature’s use and make sure the terms of service allow training on it.";

static const RowCase row_cases[] = {
  { "cx-accuracy-no-fallback", setup_accuracy_no_fallback,
    { BROKEN, HOLDS, HOLDS, HOLDS }, CX, FW_REASON_BREAKS,
    "Customer experience breaks: 100% accuracy is required and no human fallback is accepted.",
    accuracy_advice },
  { "cx-accuracy-fallback-unanswered", setup_accuracy_fallback_unanswered,
    { BROKEN, HOLDS, HOLDS, HOLDS }, CX, FW_REASON_BREAKS,
    "Customer experience breaks: 100% accuracy is required and nobody has said whether a "
    "human fallback is acceptable.",
    accuracy_advice },
  { "cx-explainability-all-no", setup_explainability_all_no,
    { BROKEN, HOLDS, HOLDS, HOLDS }, CX, FW_REASON_BREAKS,
    "Customer experience breaks: every answer must be explained, a wrong answer is costly, "
    "no human makes the final decision and no interpretable model would do.",
    explainability_advice },
  { "cx-explainability-unanswered", setup_explainability_unanswered,
    { BROKEN, HOLDS, HOLDS, HOLDS }, CX, FW_REASON_BREAKS,
    "Customer experience breaks: every answer must be explained and no answer yet says a way "
    "round it (a small cost of a wrong answer, a human who decides, an interpretable model).",
    "Answer the explainability questions in step 4: one yes (a small cost of a wrong answer, "
    "a human who decides, an interpretable model) lifts the break." },
  { "traffic-users-would-not-miss", setup_users_would_not_miss,
    { HOLDS, BROKEN, HOLDS, HOLDS }, TRAFFIC, FW_REASON_BREAKS,
    "Users and traffic break: users would not miss the feature, so it wins no customers.",
    "Find out whether users would miss the feature: ask them, or test a fake door." },
  { "data-not-collected", setup_data_not_collected,
    { HOLDS, HOLDS, BROKEN, HOLDS }, DATA, FW_REASON_BREAKS,
    "Data breaks: the data is not collected as the feature is used.",
    data_advice },
  { "data-not-allowed", setup_data_not_allowed,
    { HOLDS, HOLDS, BROKEN, HOLDS }, DATA, FW_REASON_BREAKS,
    "Data breaks: the data may not be used (terms of service or consent).",
    data_advice },
  { "model-existing-algorithm", setup_existing_algorithm,
    { HOLDS, HOLDS, HOLDS, BROKEN }, MODEL, FW_REASON_BREAKS,
    "Model accuracy breaks: an existing algorithm already solves it — conventional software "
    "is enough.",
    "Try a rule-based baseline first; ML is worth it only where it clearly beats it." },
  { "model-no-new-data", setup_no_new_data,
    { HOLDS, HOLDS, HOLDS, BROKEN }, MODEL, FW_REASON_BREAKS,
    "Model accuracy breaks: the problem does not change with new data, so more data does not "
    "improve the model.",
    "Check whether the problem really stays the same over time; if it does, conventional "
    "software is enough." },
  { "lift-human-fallback", setup_accuracy_with_fallback,
    { HOLDS, HOLDS, HOLDS, HOLDS }, CX, FW_REASON_SUPPORTS,
    "A human fallback covers the cases the model gets wrong.", NULL },
  { "lift-error-cost-small", setup_explainability_error_cost_small,
    { HOLDS, HOLDS, HOLDS, HOLDS }, CX, FW_REASON_SUPPORTS,
    "Full explanations are not needed: the cost of a wrong answer is small.", NULL },
  { "lift-human-decides", setup_explainability_human_decides,
    { HOLDS, HOLDS, HOLDS, HOLDS }, CX, FW_REASON_SUPPORTS,
    "Full explanations are not needed: a human makes the final decision.", NULL },
  { "lift-interpretable-ok", setup_explainability_interpretable_ok,
    { HOLDS, HOLDS, HOLDS, HOLDS }, CX, FW_REASON_SUPPORTS,
    "Explanations are covered: an interpretable model would be accurate enough.", NULL },
  { "weaken-errors-not-acceptable", setup_errors_not_acceptable,
    { WEAK, HOLDS, HOLDS, HOLDS }, CX, FW_REASON_WEAKENS,
    "Customer experience is weak: the model’s mistakes would not be accepted where a person "
    "would not make them.",
    "Find out how users react when the model errs, or design the feature so that a wrong "
    "answer costs little." },
  { "win-complex-logic", setup_complex_logic,
    { HOLDS, HOLDS, HOLDS, STRONG }, MODEL, FW_REASON_SUPPORTS,
    "Complex logic supports model accuracy: the rules are too complex to write by hand, so "
    "learning from data pays off.", NULL },
  { "win-scalability", setup_scalability,
    { HOLDS, STRONG, HOLDS, HOLDS }, TRAFFIC, FW_REASON_SUPPORTS,
    "Scalability supports users and traffic: the feature serves more users than people could "
    "by hand.", NULL },
  { "win-immediate-response", setup_immediate_response,
    { STRONG, HOLDS, HOLDS, HOLDS }, CX, FW_REASON_SUPPORTS,
    "Immediate response supports the customer experience: answers come at once, where a "
    "person would be too slow.", NULL },
  { "win-personalization-cx", setup_personalization,
    { STRONG, HOLDS, STRONG, HOLDS }, CX, FW_REASON_SUPPORTS,
    "Personalization supports the customer experience: each customer gets answers of their "
    "own.", NULL },
  { "win-personalization-data", setup_personalization,
    { STRONG, HOLDS, STRONG, HOLDS }, DATA, FW_REASON_SUPPORTS,
    "Personalization supports the data: every customer’s use adds data about what they "
    "prefer.", NULL },
};

static void
test_row (gconstpointer data)
{
  const RowCase *rc = data;
  g_autoptr(FwIdea) idea = idea_with (FW_EVIDENCE_ESTIMATES);
  g_autoptr(FwAssessment) before = fw_assessment_new (idea);
  g_autoptr(FwAssessment) a = NULL;

  /* The same idea without the row: everything holds and nothing breaks. */
  assert_states (before, HOLDS, HOLDS, HOLDS, HOLDS);
  g_assert_false (has_reason (before, rc->stage, rc->kind, rc->reason));

  rc->setup (idea);
  a = fw_assessment_new (idea);
  assert_states (a, rc->states[0], rc->states[1], rc->states[2], rc->states[3]);
  g_assert_true (has_reason (a, rc->stage, rc->kind, rc->reason));
  if (rc->advice)
    g_assert_true (has_advice (a, rc->advice));

  if (rc->kind == FW_REASON_BREAKS)
    {
      const FwReason *br = fw_assessment_get_break_reason (a, rc->stage);

      g_assert_nonnull (br);
      g_assert_cmpstr (br->text, ==, rc->reason);
      g_assert_cmpint (count_reasons (a, rc->stage, FW_REASON_BREAKS), ==, 1);
      g_assert_cmpint (fw_assessment_get_verdict (a), ==, FW_VERDICT_LOSING);
    }
  for (guint s = 0; s < FW_N_STAGES; s++)
    if (rc->states[s] != BROKEN)
      g_assert_null (fw_assessment_get_break_reason (a, s));
}

static void
test_explainability_one_reason (void)
{
  g_autoptr(FwIdea) idea = idea_with (FW_EVIDENCE_ESTIMATES);
  g_autoptr(FwAssessment) a = NULL;

  /* Two lifting answers: one reason, naming the first. */
  TICK (idea, FULL_EXPLAINABILITY);
  SAY (idea, HUMAN_DECIDES, YES);
  SAY (idea, INTERPRETABLE_OK, YES);
  a = fw_assessment_new (idea);
  assert_states (a, HOLDS, HOLDS, HOLDS, HOLDS);
  g_assert_cmpint (count_reasons (a, CX, FW_REASON_SUPPORTS), ==, 2);  /* evidence + lift */
  g_assert_true (has_reason (a, CX, FW_REASON_SUPPORTS,
                             "Full explanations are not needed: a human makes the final "
                             "decision."));
}

static void
test_no_win_condition (void)
{
  g_autoptr(FwIdea) idea = idea_with (FW_EVIDENCE_ESTIMATES);
  g_autoptr(FwAssessment) a = fw_assessment_new (idea);
  g_autoptr(FwAssessment) b = NULL;
  const char *reason = "No win condition is ticked, so nothing yet says ML is the better way here.";
  const char *advice =
    "Check the win conditions: complex logic, scalability, immediate response, personalization.";
  guint n;

  g_assert_true (has_reason (a, -1, FW_REASON_WEAKENS, reason));
  g_assert_true (has_advice (a, advice));
  /* Idea-wide reasons come last. */
  n = fw_assessment_get_n_reasons (a);
  g_assert_cmpint (fw_assessment_get_reason (a, n - 1)->stage, ==, -1);

  TICK (idea, SCALABILITY);
  b = fw_assessment_new (idea);
  g_assert_false (has_reason (b, -1, FW_REASON_WEAKENS, reason));
  g_assert_false (has_advice (b, advice));
}

static void
test_reason_order (void)
{
  g_autoptr(FwIdea) idea = idea_with (FW_EVIDENCE_OPINIONS);
  g_autoptr(FwAssessment) a = NULL;
  int last = 0;

  SAY (idea, ERRORS_ACCEPTABLE, NO);
  TICK (idea, EXISTING_ALGORITHM);
  TICK (idea, PERSONALIZATION);
  SAY (idea, USERS_WOULD_MISS, NO);
  a = fw_assessment_new (idea);
  g_assert_cmpint (fw_assessment_get_n_reasons (a), >, 4);
  for (guint i = 0; i < fw_assessment_get_n_reasons (a); i++)
    {
      int stage = fw_assessment_get_reason (a, i)->stage;
      int key = stage < 0 ? FW_N_STAGES : stage;

      g_assert_cmpint (key, >=, last);
      last = key;
    }
}

static void
test_evidence_levels (void)
{
  static const FwStageState expected[] = {
    [FW_EVIDENCE_NONE] = WEAK,
    [FW_EVIDENCE_THEMATIC] = WEAK,
    [FW_EVIDENCE_OPINIONS] = WEAK,
    [FW_EVIDENCE_ESTIMATES] = HOLDS,
    [FW_EVIDENCE_ANECDOTAL] = HOLDS,
    [FW_EVIDENCE_MARKET_DATA] = STRONG,
    [FW_EVIDENCE_USER_EVIDENCE] = STRONG,
    [FW_EVIDENCE_TEST_RESULTS] = STRONG,
  };
  G_STATIC_ASSERT (G_N_ELEMENTS (expected) == FW_N_EVIDENCE);

  for (guint e = 0; e < FW_N_EVIDENCE; e++)
    {
      g_autoptr(FwIdea) idea = idea_with (e);
      g_autoptr(FwAssessment) a = fw_assessment_new (idea);

      g_test_message ("evidence %s", fw_evidence_to_id (e));
      assert_states (a, expected[e], expected[e], expected[e], expected[e]);
      /* One evidence reason per stage, plus the idea-wide "no win condition". */
      g_assert_cmpint (fw_assessment_get_n_reasons (a), ==, FW_N_STAGES + 1);
      for (guint s = 0; s < FW_N_STAGES; s++)
        g_assert_cmpint (fw_assessment_get_reason (a, s)->kind, ==,
                         expected[e] == WEAK ? FW_REASON_WEAKENS : FW_REASON_SUPPORTS);
    }

  {
    g_autoptr(FwIdea) idea = idea_with (FW_EVIDENCE_OPINIONS);
    g_autoptr(FwAssessment) a = fw_assessment_new (idea);

    g_assert_true (has_reason (a, TRAFFIC, FW_REASON_WEAKENS,
                               "Users and traffic are weak: they rest on opinions only "
                               "(team, executives)."));
    g_assert_true (has_advice (a, "Gather customer evidence for users and traffic: estimates "
                                  "and plans first, then a few customers, then market data."));
  }
}

static void
test_unanswered (void)
{
  g_autoptr(FwIdea) idea = idea_with (FW_EVIDENCE_MARKET_DATA);
  g_autoptr(FwAssessment) a = NULL;
  g_autoptr(FwAssessment) b = NULL;

  fw_idea_set_why (idea, TRAFFIC, "");
  fw_idea_set_why (idea, DATA, "  \t\n ");
  a = fw_assessment_new (idea);
  assert_states (a, STRONG, UNANSWERED, UNANSWERED, STRONG);
  g_assert_true (has_reason (a, TRAFFIC, FW_REASON_WEAKENS,
                             "Not answered yet: ② Why do users increase?"));
  g_assert_true (has_advice (a, "Answer this question: ② Why do users increase?"));
  g_assert_true (has_advice (a, "Answer this question: ③ Why does the data increase?"));

  fw_idea_set_why (idea, DATA, " x ");
  b = fw_assessment_new (idea);
  assert_states (b, STRONG, UNANSWERED, STRONG, STRONG);
}

static FwStageState
model_state_with (FwEvidence  evidence,
                  const char *why,
                  gboolean    break_it)
{
  g_autoptr(FwIdea) idea = idea_with (evidence);
  g_autoptr(FwAssessment) a = NULL;

  fw_idea_set_why (idea, MODEL, why);
  fw_idea_set_condition (idea, FW_CONDITION_EXISTING_ALGORITHM, break_it);
  TICK (idea, COMPLEX_LOGIC);
  a = fw_assessment_new (idea);
  /* Only the model stage is lifted. */
  for (guint s = 0; s < MODEL; s++)
    g_assert_cmpint (fw_assessment_get_stage_state (a, s), ==,
                     fw_assessment_get_stage_state (a, CX));
  return fw_assessment_get_stage_state (a, MODEL);
}

static void
test_win_lift (void)
{
  g_assert_cmpint (model_state_with (FW_EVIDENCE_OPINIONS, "why", FALSE), ==, HOLDS);
  g_assert_cmpint (model_state_with (FW_EVIDENCE_NONE, "why", FALSE), ==, HOLDS);
  g_assert_cmpint (model_state_with (FW_EVIDENCE_ESTIMATES, "why", FALSE), ==, STRONG);
  g_assert_cmpint (model_state_with (FW_EVIDENCE_TEST_RESULTS, "why", FALSE), ==, STRONG);
  g_assert_cmpint (model_state_with (FW_EVIDENCE_MARKET_DATA, "why", TRUE), ==, BROKEN);
  g_assert_cmpint (model_state_with (FW_EVIDENCE_OPINIONS, "why", TRUE), ==, BROKEN);
  g_assert_cmpint (model_state_with (FW_EVIDENCE_MARKET_DATA, "", FALSE), ==, UNANSWERED);
}

static void
test_win_lift_reasons (void)
{
  const char *reason = "Complex logic supports model accuracy: the rules are too complex to "
                       "write by hand, so learning from data pays off.";
  g_autoptr(FwIdea) idea = idea_with (FW_EVIDENCE_MARKET_DATA);
  g_autoptr(FwAssessment) strong = NULL;
  g_autoptr(FwAssessment) broken = NULL;
  g_autoptr(FwAssessment) unanswered = NULL;

  TICK (idea, COMPLEX_LOGIC);
  strong = fw_assessment_new (idea);
  g_assert_true (has_reason (strong, MODEL, FW_REASON_SUPPORTS, reason));

  TICK (idea, NO_NEW_DATA);
  broken = fw_assessment_new (idea);
  g_assert_false (has_reason (broken, MODEL, FW_REASON_SUPPORTS, reason));
  /* A broken stage's evidence is not listed either. */
  g_assert_cmpint (count_reasons (broken, MODEL, FW_REASON_SUPPORTS), ==, 0);

  fw_idea_set_condition (idea, FW_CONDITION_NO_NEW_DATA, FALSE);
  fw_idea_set_why (idea, MODEL, "");
  unanswered = fw_assessment_new (idea);
  g_assert_false (has_reason (unanswered, MODEL, FW_REASON_SUPPORTS, reason));
}

static void
test_win_lift_one_level (void)
{
  g_autoptr(FwIdea) idea = idea_with (FW_EVIDENCE_OPINIONS);
  g_autoptr(FwAssessment) a = NULL;

  /* Two win conditions on one stage still lift it once: opinions never become strong. */
  TICK (idea, IMMEDIATE_RESPONSE);
  TICK (idea, PERSONALIZATION);
  a = fw_assessment_new (idea);
  assert_states (a, HOLDS, WEAK, HOLDS, WEAK);
  /* Both conditions' reasons, and one sentence for the one lift. */
  g_assert_cmpint (count_reasons (a, CX, FW_REASON_SUPPORTS), ==, 3);
  g_assert_true (has_reason (a, CX, FW_REASON_SUPPORTS,
                             "Lifted by immediate response: customer experience, from weak "
                             "to holds."));
  g_assert_cmpint (fw_assessment_get_lifted_by (a, CX), ==, FW_CONDITION_IMMEDIATE_RESPONSE);
}

static void
test_cap (void)
{
  g_autoptr(FwIdea) idea = idea_with (FW_EVIDENCE_TEST_RESULTS);
  g_autoptr(FwAssessment) lifted = NULL;
  g_autoptr(FwAssessment) broken = NULL;
  g_autoptr(FwAssessment) unanswered = NULL;
  g_autoptr(FwAssessment) weak = NULL;
  const char *reason = "Customer experience is weak: the model’s mistakes would not be accepted "
                       "where a person would not make them.";

  /* The cap comes after the lift. */
  TICK (idea, IMMEDIATE_RESPONSE);
  SAY (idea, ERRORS_ACCEPTABLE, NO);
  lifted = fw_assessment_new (idea);
  assert_states (lifted, WEAK, STRONG, STRONG, STRONG);
  g_assert_true (has_reason (lifted, CX, FW_REASON_WEAKENS, reason));
  g_assert_cmpint (fw_assessment_get_verdict (lifted), ==, FW_VERDICT_PROMISING);

  TICK (idea, FULL_ACCURACY);
  broken = fw_assessment_new (idea);
  assert_states (broken, BROKEN, STRONG, STRONG, STRONG);
  g_assert_false (has_reason (broken, CX, FW_REASON_WEAKENS, reason));

  fw_idea_set_condition (idea, FW_CONDITION_FULL_ACCURACY, FALSE);
  fw_idea_set_why (idea, CX, "");
  unanswered = fw_assessment_new (idea);
  assert_states (unanswered, UNANSWERED, STRONG, STRONG, STRONG);

  fw_idea_set_why (idea, CX, "why");
  fw_idea_set_evidence (idea, CX, FW_EVIDENCE_NONE);
  fw_idea_set_condition (idea, FW_CONDITION_IMMEDIATE_RESPONSE, FALSE);
  weak = fw_assessment_new (idea);
  assert_states (weak, WEAK, STRONG, STRONG, STRONG);
  g_assert_true (has_reason (weak, CX, FW_REASON_WEAKENS, reason));
}

static FwVerdict
verdict_of (FwIdea *idea)
{
  g_autoptr(FwAssessment) a = fw_assessment_new (idea);

  return fw_assessment_get_verdict (a);
}

static void
test_verdict (void)
{
  g_autoptr(FwIdea) strong = idea_with (FW_EVIDENCE_MARKET_DATA);
  g_autoptr(FwIdea) holds = idea_with (FW_EVIDENCE_ESTIMATES);
  g_autoptr(FwIdea) weak = idea_with (FW_EVIDENCE_ESTIMATES);
  g_autoptr(FwIdea) empty = fw_idea_new ();

  g_assert_cmpint (verdict_of (empty), ==, FW_VERDICT_INCOMPLETE);

  /* All strong, no win condition: promising; one win: winning. */
  g_assert_cmpint (verdict_of (strong), ==, FW_VERDICT_PROMISING);
  TICK (strong, SCALABILITY);
  g_assert_cmpint (verdict_of (strong), ==, FW_VERDICT_WINNING);
  /* One unanswered among strong: incomplete. */
  fw_idea_set_why (strong, DATA, "");
  g_assert_cmpint (verdict_of (strong), ==, FW_VERDICT_INCOMPLETE);
  /* Broken beats unanswered. */
  SAY (strong, DATA_ALLOWED, NO);
  g_assert_cmpint (verdict_of (strong), ==, FW_VERDICT_LOSING);
  /* One broken among strong: losing. */
  fw_idea_set_why (strong, DATA, "why");
  g_assert_cmpint (verdict_of (strong), ==, FW_VERDICT_LOSING);

  g_assert_cmpint (verdict_of (holds), ==, FW_VERDICT_PROMISING);
  TICK (holds, COMPLEX_LOGIC);
  g_assert_cmpint (verdict_of (holds), ==, FW_VERDICT_WINNING);

  /* One weak stage and a win condition that does not lift it: promising … */
  fw_idea_set_evidence (weak, TRAFFIC, FW_EVIDENCE_OPINIONS);
  TICK (weak, COMPLEX_LOGIC);
  g_assert_cmpint (verdict_of (weak), ==, FW_VERDICT_PROMISING);
  /* … unless one lifts it. */
  TICK (weak, SCALABILITY);
  g_assert_cmpint (verdict_of (weak), ==, FW_VERDICT_WINNING);
}

static int
score_of (FwIdea *idea)
{
  g_autoptr(FwAssessment) a = fw_assessment_new (idea);

  return fw_assessment_get_score (a);
}

static void
test_score (void)
{
  g_autoptr(FwIdea) strong = idea_with (FW_EVIDENCE_TEST_RESULTS);
  g_autoptr(FwIdea) holds = idea_with (FW_EVIDENCE_ANECDOTAL);
  g_autoptr(FwIdea) weak = idea_with (FW_EVIDENCE_THEMATIC);
  g_autoptr(FwIdea) empty = fw_idea_new ();

  g_assert_cmpint (score_of (strong), ==, 100);
  g_assert_cmpint (score_of (holds), ==, 72);
  g_assert_cmpint (score_of (weak), ==, 40);
  g_assert_cmpint (score_of (empty), ==, 0);

  /* A broken stage scores 0 and halves the rest: (25 * 3) / 2. */
  SAY (strong, USERS_WOULD_MISS, NO);
  g_assert_cmpint (score_of (strong), ==, 37);
  /* (18 * 3) / 2 */
  TICK (holds, EXISTING_ALGORITHM);
  g_assert_cmpint (score_of (holds), ==, 27);
  /* Mixed: 25 + 0 (unanswered) + 10 + 18 = 53, no break. */
  fw_idea_set_why (weak, TRAFFIC, "");
  fw_idea_set_evidence (weak, CX, FW_EVIDENCE_USER_EVIDENCE);
  fw_idea_set_evidence (weak, MODEL, FW_EVIDENCE_ESTIMATES);
  g_assert_cmpint (score_of (weak), ==, 53);
  /* … and with data broken: (25 + 0 + 0 + 18) / 2. */
  SAY (weak, DATA_COLLECTED, NO);
  g_assert_cmpint (score_of (weak), ==, 21);
}

static int
poc_of (FwLevel importance,
        FwLevel urgency,
        FwLevel ml_value)
{
  g_autoptr(FwIdea) idea = fw_idea_new ();
  g_autoptr(FwAssessment) a = NULL;

  fw_idea_set_priority (idea, FW_PRIORITY_IMPORTANCE, importance);
  fw_idea_set_priority (idea, FW_PRIORITY_URGENCY, urgency);
  fw_idea_set_priority (idea, FW_PRIORITY_ML_VALUE, ml_value);
  a = fw_assessment_new (idea);
  return fw_assessment_get_poc_priority (a);
}

static void
test_poc_priority (void)
{
  g_assert_cmpint (poc_of (FW_LEVEL_HIGH, FW_LEVEL_HIGH, FW_LEVEL_HIGH), ==, 9);
  g_assert_cmpint (poc_of (FW_LEVEL_LOW, FW_LEVEL_LOW, FW_LEVEL_LOW), ==, 3);
  g_assert_cmpint (poc_of (FW_LEVEL_HIGH, FW_LEVEL_MEDIUM, FW_LEVEL_LOW), ==, 6);
  g_assert_cmpint (poc_of (FW_LEVEL_UNSET, FW_LEVEL_HIGH, FW_LEVEL_HIGH), ==, 0);
  g_assert_cmpint (poc_of (FW_LEVEL_HIGH, FW_LEVEL_UNSET, FW_LEVEL_HIGH), ==, 0);
  g_assert_cmpint (poc_of (FW_LEVEL_HIGH, FW_LEVEL_HIGH, FW_LEVEL_UNSET), ==, 0);
}

static void
test_describe (void)
{
  g_autoptr(FwIdea) idea = idea_with (FW_EVIDENCE_ESTIMATES);
  g_autoptr(FwAssessment) a = NULL;
  g_autofree char *line = NULL;
  g_autofree char *folded = NULL;

  SAY (idea, USERS_WOULD_MISS, NO);
  fw_idea_set_why (idea, DATA, "");
  fw_idea_set_evidence (idea, MODEL, FW_EVIDENCE_MARKET_DATA);
  a = fw_assessment_new (idea);
  line = fw_assessment_describe (a);
  g_test_message ("%s", line);

  folded = g_utf8_strdown (line, -1);
  for (guint s = 0; s < FW_N_STAGES; s++)
    {
      g_autofree char *label = g_utf8_strdown (fw_stage_label (s), -1);

      g_assert_nonnull (strstr (folded, label));
    }
  g_assert_nonnull (strstr (folded, "losing pattern"));
  g_assert_cmpstr (line, ==,
                   "Customer experience holds (estimates and plans); users and traffic break: "
                   "users would not miss the feature, so it wins no customers; data is "
                   "unanswered; model accuracy is strong (market data). Verdict: losing "
                   "pattern, score 21.");
}

/* Step 2's rows (idea-wide): each fired alone on an idea that is otherwise a
 * winning pattern (every stage holds, complex logic lifts the model). */
typedef struct
{
  const char   *name;
  void        (*setup) (FwIdea *idea);
  FwVerdict     verdict;
  int           score;
  FwReasonKind  kind;
  const char   *reason;
  const char   *advice;
} VerdictRowCase;

static void
setup_ml_does_not_apply (FwIdea *idea)
{
  fw_idea_set_applicability (idea, FW_APPLICABILITY_NO);
}

static void
setup_task_undecided (FwIdea *idea)
{
  fw_idea_set_task (idea, FW_TASK_UNDECIDED);
}

static void
setup_applicability_unknown (FwIdea *idea)
{
  fw_idea_set_applicability (idea, FW_APPLICABILITY_UNKNOWN);
}

static void
setup_applicability_maybe (FwIdea *idea)
{
  fw_idea_set_applicability (idea, FW_APPLICABILITY_MAYBE);
}

static const VerdictRowCase verdict_row_cases[] = {
  /* 18 * 3 + 25 = 79, halved: ML that does not apply turns no loop. */
  { "no-ml", setup_ml_does_not_apply, FW_VERDICT_LOSING, 39, FW_REASON_BREAKS,
    "ML does not apply (×), so there is no loop for ML to turn: this is not a winning "
    "pattern, however well the stages hold.",
    "Solve it without ML, or find the part of it that ML would do better and judge that "
    "again." },
  { "task-undecided", setup_task_undecided, FW_VERDICT_INCOMPLETE, 79, FW_REASON_WEAKENS,
    "The ML task is not decided yet, so nobody knows what the model would learn.",
    "Decide the ML task in step 2: regression, classification, clustering, anomaly "
    "detection, ranking or recommendation." },
  { "applicability-unknown", setup_applicability_unknown, FW_VERDICT_INCOMPLETE, 79,
    FW_REASON_WEAKENS,
    "Nobody has judged yet whether ML applies.",
    "Judge in step 2 whether ML applies: 〇 applicable, × not applicable, △ ask someone who "
    "knows ML." },
  { "applicability-maybe", setup_applicability_maybe, FW_VERDICT_PROMISING, 79,
    FW_REASON_WEAKENS,
    "ML only possibly applies (△): until someone who knows ML confirms it, this is at most "
    "promising.",
    "Ask someone who knows ML whether it applies, then mark it 〇 or ×." },
};

static void
test_verdict_row (gconstpointer data)
{
  const VerdictRowCase *rc = data;
  g_autoptr(FwIdea) idea = idea_with (FW_EVIDENCE_ESTIMATES);
  g_autoptr(FwAssessment) before = NULL;
  g_autoptr(FwAssessment) a = NULL;

  TICK (idea, COMPLEX_LOGIC);
  before = fw_assessment_new (idea);
  g_assert_cmpint (fw_assessment_get_verdict (before), ==, FW_VERDICT_WINNING);
  g_assert_cmpint (fw_assessment_get_score (before), ==, 79);
  g_assert_false (has_reason (before, -1, rc->kind, rc->reason));

  rc->setup (idea);
  a = fw_assessment_new (idea);
  /* The stages are as answered; only the verdict (and for × the score) moves. */
  assert_states (a, HOLDS, HOLDS, HOLDS, STRONG);
  g_assert_cmpstr (fw_verdict_to_id (fw_assessment_get_verdict (a)), ==,
                   fw_verdict_to_id (rc->verdict));
  g_assert_cmpint (fw_assessment_get_score (a), ==, rc->score);
  g_assert_true (has_reason (a, -1, rc->kind, rc->reason));
  g_assert_true (has_advice (a, rc->advice));
  for (guint s = 0; s < FW_N_STAGES; s++)
    g_assert_null (fw_assessment_get_break_reason (a, s));

  /* The one-line description says what cuts the loop idea-wide, nothing else. */
  {
    g_autofree char *line = fw_assessment_describe (a);

    g_assert_true ((strstr (line, rc->reason) != NULL) == (rc->kind == FW_REASON_BREAKS));
  }
}

static void
test_verdict_rows_together (void)
{
  g_autoptr(FwIdea) idea = idea_with (FW_EVIDENCE_ESTIMATES);

  TICK (idea, COMPLEX_LOGIC);
  /* × beats an undecided task, as a broken stage beats an unanswered one. */
  fw_idea_set_task (idea, FW_TASK_UNDECIDED);
  fw_idea_set_applicability (idea, FW_APPLICABILITY_NO);
  g_assert_cmpint (verdict_of (idea), ==, FW_VERDICT_LOSING);
  /* An undecided task beats △. */
  fw_idea_set_applicability (idea, FW_APPLICABILITY_MAYBE);
  g_assert_cmpint (verdict_of (idea), ==, FW_VERDICT_INCOMPLETE);
  /* The idea: ML × with the task undecided was "Winning pattern · 86". */
  fw_idea_set_applicability (idea, FW_APPLICABILITY_NO);
  g_assert_cmpint (verdict_of (idea), !=, FW_VERDICT_WINNING);
  /* Applicable and decided: winning again. */
  fw_idea_set_task (idea, FW_TASK_RANKING);
  fw_idea_set_applicability (idea, FW_APPLICABILITY_YES);
  g_assert_cmpint (verdict_of (idea), ==, FW_VERDICT_WINNING);
}

/* A lift is said in the reasons right after the win condition's own reason,
 * and the stage's label names it the same way. */
static void
test_lift_said (void)
{
  g_autoptr(FwIdea) idea = idea_with (FW_EVIDENCE_ANECDOTAL);
  g_autoptr(FwAssessment) a = NULL;
  g_autofree char *cx = NULL;
  g_autofree char *traffic = NULL;
  g_autofree char *data = NULL;
  g_autofree char *line = NULL;
  gboolean found = FALSE;

  TICK (idea, PERSONALIZATION);
  a = fw_assessment_new (idea);
  assert_states (a, STRONG, HOLDS, STRONG, HOLDS);
  for (guint i = 0; i + 1 < fw_assessment_get_n_reasons (a); i++)
    if (g_str_equal (fw_assessment_get_reason (a, i)->text,
                     "Personalization supports the customer experience: each customer gets "
                     "answers of their own."))
      {
        const FwReason *next = fw_assessment_get_reason (a, i + 1);

        g_assert_cmpint (next->stage, ==, CX);
        g_assert_cmpint (next->kind, ==, FW_REASON_SUPPORTS);
        g_assert_cmpstr (next->text, ==,
                         "Lifted by personalization: customer experience, from holds "
                         "to strong.");
        found = TRUE;
      }
  g_assert_true (found);
  g_assert_true (has_reason (a, DATA, FW_REASON_SUPPORTS,
                             "Lifted by personalization: data, from holds to strong."));

  cx = fw_assessment_dup_state_text (a, CX);
  traffic = fw_assessment_dup_state_text (a, TRAFFIC);
  data = fw_assessment_dup_state_text (a, DATA);
  g_assert_cmpstr (cx, ==, "Strong · A few customers, some data, lifted by personalization");
  g_assert_cmpstr (traffic, ==, "Holds · A few customers, some data");
  g_assert_cmpstr (data, ==, "Strong · A few customers, some data, lifted by personalization");
  g_assert_cmpint (fw_assessment_get_lifted_by (a, TRAFFIC), ==, -1);

  line = fw_assessment_describe (a);
  g_assert_nonnull (strstr (line, "Customer experience is strong (a few customers, some data, "
                                  "lifted by personalization); users and traffic hold (a few "
                                  "customers, some data);"));
}

static void
test_lift_not_said (void)
{
  g_autoptr(FwIdea) strong = idea_with (FW_EVIDENCE_MARKET_DATA);
  g_autoptr(FwIdea) capped = idea_with (FW_EVIDENCE_OPINIONS);
  g_autoptr(FwIdea) empty = fw_idea_new ();
  g_autoptr(FwAssessment) a = NULL;
  g_autoptr(FwAssessment) b = NULL;
  g_autoptr(FwAssessment) c = NULL;
  g_autofree char *strong_text = NULL;
  g_autofree char *capped_text = NULL;
  g_autofree char *empty_text = NULL;

  /* Already strong: nothing to lift, so nothing is claimed. */
  TICK (strong, COMPLEX_LOGIC);
  a = fw_assessment_new (strong);
  g_assert_cmpint (fw_assessment_get_lifted_by (a, MODEL), ==, -1);
  strong_text = fw_assessment_dup_state_text (a, MODEL);
  g_assert_cmpstr (strong_text, ==, "Strong · Market data");
  g_assert_cmpint (count_reasons (a, MODEL, FW_REASON_SUPPORTS), ==, 2);

  /* Lifted, then capped back to weak: the label does not claim the lift. */
  TICK (capped, IMMEDIATE_RESPONSE);
  SAY (capped, ERRORS_ACCEPTABLE, NO);
  b = fw_assessment_new (capped);
  g_assert_cmpint (fw_assessment_get_stage_state (b, CX), ==, WEAK);
  g_assert_cmpint (fw_assessment_get_lifted_by (b, CX), ==, -1);
  capped_text = fw_assessment_dup_state_text (b, CX);
  g_assert_cmpstr (capped_text, ==, "Weak · Others’ opinions");

  c = fw_assessment_new (empty);
  empty_text = fw_assessment_dup_state_text (c, CX);
  g_assert_cmpstr (empty_text, ==, "Unanswered");
}

static const char *
first_advice (const FwAssessment *a)
{
  return fw_assessment_get_advice (a)[0];
}

/* The promising verdict says what a winning pattern still lacks. */
static void
test_promising_missing (void)
{
  g_autoptr(FwIdea) idea = idea_with (FW_EVIDENCE_ESTIMATES);
  g_autoptr(FwAssessment) no_win = NULL;
  g_autoptr(FwAssessment) weak = NULL;
  g_autoptr(FwAssessment) maybe = NULL;
  g_autoptr(FwAssessment) winning = NULL;

  no_win = fw_assessment_new (idea);
  g_assert_cmpint (fw_assessment_get_verdict (no_win), ==, FW_VERDICT_PROMISING);
  g_assert_cmpstr (first_advice (no_win), ==,
                   "Every stage holds; what a winning pattern still needs is a win condition "
                   "that holds for this idea.");

  TICK (idea, COMPLEX_LOGIC);
  fw_idea_set_evidence (idea, TRAFFIC, FW_EVIDENCE_OPINIONS);
  fw_idea_set_evidence (idea, DATA, FW_EVIDENCE_THEMATIC);
  weak = fw_assessment_new (idea);
  g_assert_cmpint (fw_assessment_get_verdict (weak), ==, FW_VERDICT_PROMISING);
  g_assert_cmpstr (first_advice (weak), ==,
                   "What a winning pattern still needs: evidence that users and traffic "
                   "hold; evidence that data holds.");

  fw_idea_set_evidence (idea, TRAFFIC, FW_EVIDENCE_ESTIMATES);
  fw_idea_set_evidence (idea, DATA, FW_EVIDENCE_ESTIMATES);
  fw_idea_set_applicability (idea, FW_APPLICABILITY_MAYBE);
  maybe = fw_assessment_new (idea);
  g_assert_cmpstr (first_advice (maybe), ==,
                   "Every stage holds; what a winning pattern still needs is confirmation "
                   "that ML applies (〇 instead of △).");

  fw_idea_set_applicability (idea, FW_APPLICABILITY_YES);
  winning = fw_assessment_new (idea);
  g_assert_cmpint (fw_assessment_get_verdict (winning), ==, FW_VERDICT_WINNING);
  for (guint i = 0; fw_assessment_get_advice (winning)[i]; i++)
    g_assert_null (strstr (fw_assessment_get_advice (winning)[i], "winning pattern"));
}

static void
assert_picked (GPtrArray  *picked,
               guint       n,
               const char *const *texts)
{
  for (guint i = 0; i < picked->len; i++)
    g_test_message ("picked %u: %s", i, ((const FwReason *) picked->pdata[i])->text);
  g_assert_cmpuint (picked->len, ==, n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpstr (((const FwReason *) picked->pdata[i])->text, ==, texts[i]);
}

/* The slides' reasons: one per stage that is not simply "holds", first. */
static void
test_pick_reasons (void)
{
  g_autoptr(FwIdea) idea = idea_with (FW_EVIDENCE_ESTIMATES);
  g_autoptr(FwAssessment) a = NULL;
  g_autoptr(GPtrArray) few = NULL;
  g_autoptr(GPtrArray) more = NULL;
  g_autoptr(GPtrArray) holds = NULL;
  g_autoptr(FwAssessment) b = NULL;
  static const char *const telling[] = {
    "Lifted by personalization: customer experience, from holds to strong.",
    "Users and traffic are weak: they rest on opinions only (team, executives).",
    "Lifted by personalization: data, from holds to strong.",
    "Model accuracy breaks: an existing algorithm already solves it — conventional software "
    "is enough.",
  };
  static const char *const with_more[] = {
    "Customer experience holds: estimates and plans support it.",
    "Personalization supports the customer experience: each customer gets answers of their "
    "own.",
    "Lifted by personalization: customer experience, from holds to strong.",
    "Users and traffic are weak: they rest on opinions only (team, executives).",
    "Lifted by personalization: data, from holds to strong.",
    "Model accuracy breaks: an existing algorithm already solves it — conventional software "
    "is enough.",
  };
  /* Idea-wide, step 2's rows come before the notes. */
  static const char *const all_hold[] = {
    "The ML task is not decided yet, so nobody knows what the model would learn.",
    "No win condition is ticked, so nothing yet says ML is the better way here.",
  };

  TICK (idea, PERSONALIZATION);
  TICK (idea, EXISTING_ALGORITHM);
  fw_idea_set_evidence (idea, TRAFFIC, FW_EVIDENCE_OPINIONS);
  a = fw_assessment_new (idea);
  /* Four stages to tell about: all four, even with room for fewer. */
  few = fw_assessment_pick_reasons (a, 2);
  assert_picked (few, 4, telling);
  /* With room for six, the support first in the list fills it. */
  more = fw_assessment_pick_reasons (a, 6);
  assert_picked (more, 6, with_more);

  /* Every stage simply holds: only what keeps the verdict down, idea-wide. */
  fw_idea_set_condition (idea, FW_CONDITION_PERSONALIZATION, FALSE);
  fw_idea_set_condition (idea, FW_CONDITION_EXISTING_ALGORITHM, FALSE);
  fw_idea_set_evidence (idea, TRAFFIC, FW_EVIDENCE_ESTIMATES);
  fw_idea_set_task (idea, FW_TASK_UNDECIDED);
  b = fw_assessment_new (idea);
  holds = fw_assessment_pick_reasons (b, 0);
  assert_picked (holds, 2, all_hold);
}

static void
test_summary (void)
{
  g_autoptr(FwIdea) idea = idea_with (FW_EVIDENCE_ESTIMATES);
  g_autoptr(FwAssessment) unrated = NULL;
  g_autoptr(FwAssessment) rated = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *c = NULL;
  g_autofree char *d = NULL;
  g_autofree char *e = NULL;

  unrated = fw_assessment_new (idea);
  a = fw_assessment_format_summary (unrated);
  g_assert_cmpstr (a, ==, "Promising · score 72 · PoC priority not rated yet");

  fw_idea_set_priority (idea, FW_PRIORITY_IMPORTANCE, FW_LEVEL_HIGH);
  fw_idea_set_priority (idea, FW_PRIORITY_URGENCY, FW_LEVEL_MEDIUM);
  fw_idea_set_priority (idea, FW_PRIORITY_ML_VALUE, FW_LEVEL_HIGH);
  rated = fw_assessment_new (idea);
  b = fw_assessment_format_summary (rated);
  g_assert_cmpstr (b, ==, "Promising · score 72 · PoC priority 8 of 9");

  c = fw_format_summary (FW_VERDICT_WINNING, 86, -1);
  g_assert_cmpstr (c, ==, "Winning pattern · score 86");
  d = fw_format_poc_priority (0);
  g_assert_cmpstr (d, ==, "not rated yet");
  e = fw_format_poc_priority (3);
  g_assert_cmpstr (e, ==, "3 of 9");
  {
    g_autofree char *rated_line = fw_format_score_line (72, 8);
    g_autofree char *unrated_line = fw_format_score_line (40, 0);

    g_assert_cmpstr (rated_line, ==, "Flywheel score 72 of 100 · PoC priority 8 of 9");
    g_assert_cmpstr (unrated_line, ==, "Flywheel score 40 of 100 · PoC priority not rated yet");
  }
}

static void
test_display_title (void)
{
  g_autoptr(FwIdea) idea = fw_idea_new ();
  g_autofree char *none = fw_idea_dup_display_title (idea);
  g_autofree char *spaces = NULL;
  g_autofree char *padded = NULL;

  g_assert_cmpstr (none, ==, "Untitled idea");
  /* The full-width space of Japanese input is white space too. */
  fw_idea_set_title (idea, " \t\u3000 ");
  spaces = fw_idea_dup_display_title (idea);
  g_assert_cmpstr (spaces, ==, "Untitled idea");
  fw_idea_set_title (idea, "\u3000 Faster check-in\u3000\n");
  padded = fw_idea_dup_display_title (idea);
  g_assert_cmpstr (padded, ==, "Faster check-in");

  g_assert_true (fw_text_is_blank (NULL));
  g_assert_true (fw_text_is_blank (""));
  g_assert_true (fw_text_is_blank (" \t\n\u3000"));
  g_assert_false (fw_text_is_blank (" x "));
  g_assert_false (fw_text_is_blank ("\u3000あ"));
}

static void
test_refcount (void)
{
  g_autoptr(FwIdea) idea = idea_with (FW_EVIDENCE_ESTIMATES);
  FwAssessment *a = fw_assessment_new (idea);
  FwAssessment *b = fw_assessment_ref (a);
  GValue value = G_VALUE_INIT;

  g_assert_true (a == b);
  fw_assessment_unref (b);
  g_assert_cmpint (fw_assessment_get_score (a), ==, 72);

  /* A boxed type, so it can travel in properties and signals. */
  g_value_init (&value, FW_TYPE_ASSESSMENT);
  g_value_take_boxed (&value, a);
  g_assert_true (g_value_get_boxed (&value) == a);
  g_value_unset (&value);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (row_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/assessment/row/%s", row_cases[i].name);

      g_test_add_data_func (path, &row_cases[i], test_row);
    }
  for (guint i = 0; i < G_N_ELEMENTS (verdict_row_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/assessment/row/%s", verdict_row_cases[i].name);

      g_test_add_data_func (path, &verdict_row_cases[i], test_verdict_row);
    }
  g_test_add_func ("/assessment/row/step-2-together", test_verdict_rows_together);
  g_test_add_func ("/assessment/row/explainability-one-reason", test_explainability_one_reason);
  g_test_add_func ("/assessment/row/no-win-condition", test_no_win_condition);
  g_test_add_func ("/assessment/reason-order", test_reason_order);
  g_test_add_func ("/assessment/evidence-levels", test_evidence_levels);
  g_test_add_func ("/assessment/unanswered", test_unanswered);
  g_test_add_func ("/assessment/win-lift", test_win_lift);
  g_test_add_func ("/assessment/win-lift-reasons", test_win_lift_reasons);
  g_test_add_func ("/assessment/win-lift-one-level", test_win_lift_one_level);
  g_test_add_func ("/assessment/cap", test_cap);
  g_test_add_func ("/assessment/verdict", test_verdict);
  g_test_add_func ("/assessment/score", test_score);
  g_test_add_func ("/assessment/poc-priority", test_poc_priority);
  g_test_add_func ("/assessment/describe", test_describe);
  g_test_add_func ("/assessment/lift-said", test_lift_said);
  g_test_add_func ("/assessment/lift-not-said", test_lift_not_said);
  g_test_add_func ("/assessment/promising-missing", test_promising_missing);
  g_test_add_func ("/assessment/pick-reasons", test_pick_reasons);
  g_test_add_func ("/assessment/summary", test_summary);
  g_test_add_func ("/assessment/display-title", test_display_title);
  g_test_add_func ("/assessment/refcount", test_refcount);

  return g_test_run ();
}
