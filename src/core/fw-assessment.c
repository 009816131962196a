/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "fw-gettext.h"

#include <string.h>

#include "fw-assessment.h"
#include "fw-text.h"

/* Every rule lives in the two tables below (docs/rules.md mirrors them row by
 * row); fw_assessment_new() only walks them. To change a rule, change a row. */

#define IDEA_WIDE (-1)

typedef enum
{
  /* Phases, in the order the loop applies them: a lift must see every break,
   * and the cap must see every lift. The three idea-wide verdict rows (step 2:
   * the task and ML applicability) touch no stage, only the verdict. */
  EFFECT_NO_ML,     /* idea-wide: losing pattern, score halved, whatever the stages */
  EFFECT_UNDECIDED, /* idea-wide: at best incomplete */
  EFFECT_UNSURE,    /* idea-wide: at best promising */
  EFFECT_BREAK,     /* the stage is broken */
  EFFECT_EVIDENCE,  /* no row: the why and evidence of each stage that is not broken */
  EFFECT_LIFT,      /* one level up, once per stage, if it has a why and is not broken */
  EFFECT_CAP_WEAK,  /* at most weak, if it has a why and is not broken */
  EFFECT_NOTE,      /* a reason only */
  N_EFFECTS
} Effect;

typedef gboolean (*Predicate) (FwIdea *idea);

typedef struct
{
  int           stage;    /* an FwStage, or IDEA_WIDE */
  Predicate     applies;
  FwReasonKind  kind;
  Effect        effect;
  const char   *reason;   /* N_() */
  const char   *advice;   /* N_(), or NULL */
  FwCondition   win;      /* EFFECT_LIFT only: the win condition, named when it lifts */
} Rule;

#define TICKED(c) fw_idea_get_condition (idea, FW_CONDITION_##c)
#define ANSWER(q) fw_idea_get_answer (idea, FW_QUESTION_##q)

static gboolean
accuracy_without_fallback (FwIdea *idea)
{
  return TICKED (FULL_ACCURACY) && ANSWER (HUMAN_FALLBACK) == FW_ANSWER_NO;
}

static gboolean
accuracy_fallback_unanswered (FwIdea *idea)
{
  return TICKED (FULL_ACCURACY) && ANSWER (HUMAN_FALLBACK) == FW_ANSWER_UNANSWERED;
}

static gboolean
accuracy_with_fallback (FwIdea *idea)
{
  return TICKED (FULL_ACCURACY) && ANSWER (HUMAN_FALLBACK) == FW_ANSWER_YES;
}

static guint
count_explainability_answers (FwIdea   *idea,
                              FwAnswer  answer)
{
  return (ANSWER (ERROR_COST_SMALL) == answer) +
         (ANSWER (HUMAN_DECIDES) == answer) +
         (ANSWER (INTERPRETABLE_OK) == answer);
}

static gboolean
explainability_all_no (FwIdea *idea)
{
  return TICKED (FULL_EXPLAINABILITY) && count_explainability_answers (idea, FW_ANSWER_NO) == 3;
}

static gboolean
explainability_unanswered (FwIdea *idea)
{
  return TICKED (FULL_EXPLAINABILITY) &&
         count_explainability_answers (idea, FW_ANSWER_YES) == 0 &&
         count_explainability_answers (idea, FW_ANSWER_UNANSWERED) > 0;
}

/* The three lifting answers are tried in order and only the first yes gives
 * a reason, so the list says once why explainability does not break. */
static gboolean
explainability_error_cost_small (FwIdea *idea)
{
  return TICKED (FULL_EXPLAINABILITY) && ANSWER (ERROR_COST_SMALL) == FW_ANSWER_YES;
}

static gboolean
explainability_human_decides (FwIdea *idea)
{
  return TICKED (FULL_EXPLAINABILITY) &&
         ANSWER (ERROR_COST_SMALL) != FW_ANSWER_YES &&
         ANSWER (HUMAN_DECIDES) == FW_ANSWER_YES;
}

static gboolean
explainability_interpretable_ok (FwIdea *idea)
{
  return TICKED (FULL_EXPLAINABILITY) &&
         ANSWER (ERROR_COST_SMALL) != FW_ANSWER_YES &&
         ANSWER (HUMAN_DECIDES) != FW_ANSWER_YES &&
         ANSWER (INTERPRETABLE_OK) == FW_ANSWER_YES;
}

static gboolean
users_would_not_miss (FwIdea *idea)
{
  return ANSWER (USERS_WOULD_MISS) == FW_ANSWER_NO;
}

static gboolean
data_not_collected (FwIdea *idea)
{
  return ANSWER (DATA_COLLECTED) == FW_ANSWER_NO;
}

static gboolean
data_not_allowed (FwIdea *idea)
{
  return ANSWER (DATA_ALLOWED) == FW_ANSWER_NO;
}

static gboolean
existing_algorithm (FwIdea *idea)
{
  return TICKED (EXISTING_ALGORITHM);
}

static gboolean
no_new_data (FwIdea *idea)
{
  return TICKED (NO_NEW_DATA);
}

static gboolean
errors_not_acceptable (FwIdea *idea)
{
  return ANSWER (ERRORS_ACCEPTABLE) == FW_ANSWER_NO;
}

static gboolean
complex_logic (FwIdea *idea)
{
  return TICKED (COMPLEX_LOGIC);
}

static gboolean
scalability (FwIdea *idea)
{
  return TICKED (SCALABILITY);
}

static gboolean
immediate_response (FwIdea *idea)
{
  return TICKED (IMMEDIATE_RESPONSE);
}

static gboolean
personalization (FwIdea *idea)
{
  return TICKED (PERSONALIZATION);
}

static gboolean
no_win_condition (FwIdea *idea)
{
  for (guint c = 0; c < FW_N_WIN_CONDITIONS; c++)
    if (fw_idea_get_condition (idea, c))
      return FALSE;
  return TRUE;
}

static gboolean
task_undecided (FwIdea *idea)
{
  return fw_idea_get_task (idea) == FW_TASK_UNDECIDED;
}

static gboolean
applicability_unknown (FwIdea *idea)
{
  return fw_idea_get_applicability (idea) == FW_APPLICABILITY_UNKNOWN;
}

static gboolean
applicability_no (FwIdea *idea)
{
  return fw_idea_get_applicability (idea) == FW_APPLICABILITY_NO;
}

static gboolean
applicability_maybe (FwIdea *idea)
{
  return fw_idea_get_applicability (idea) == FW_APPLICABILITY_MAYBE;
}

#undef TICKED
#undef ANSWER

#define CX FW_STAGE_CUSTOMER_EXPERIENCE
#define TRAFFIC FW_STAGE_TRAFFIC
#define DATA FW_STAGE_DATA
#define MODEL FW_STAGE_MODEL

static const char advice_accuracy[] =
  N_("Design a human fallback for the cases the model is unsure about, "
     "or drop the 100% requirement.");
static const char advice_explainability[] =
  N_("Check whether a human can make the final decision, or whether a simple, "
     "interpretable model is accurate enough.");
static const char advice_data[] =
  N_("Record the feature’s use and make sure the terms of service allow training on it.");

static const Rule rules[] = {
  /* Step 2: the ML task and whether ML applies at all. */
  { IDEA_WIDE, applicability_no, FW_REASON_BREAKS, EFFECT_NO_ML,
    N_("ML does not apply (×), so there is no loop for ML to turn: this is not a winning "
       "pattern, however well the stages hold."),
    N_("Solve it without ML, or find the part of it that ML would do better and judge "
       "that again.") },
  { IDEA_WIDE, task_undecided, FW_REASON_WEAKENS, EFFECT_UNDECIDED,
    N_("The ML task is not decided yet, so nobody knows what the model would learn."),
    N_("Decide the ML task in step 2: regression, classification, clustering, anomaly "
       "detection, ranking or recommendation.") },
  { IDEA_WIDE, applicability_unknown, FW_REASON_WEAKENS, EFFECT_UNDECIDED,
    N_("Nobody has judged yet whether ML applies."),
    N_("Judge in step 2 whether ML applies: 〇 applicable, × not applicable, △ ask someone "
       "who knows ML.") },
  { IDEA_WIDE, applicability_maybe, FW_REASON_WEAKENS, EFFECT_UNSURE,
    N_("ML only possibly applies (△): until someone who knows ML confirms it, this is at "
       "most promising."),
    N_("Ask someone who knows ML whether it applies, then mark it 〇 or ×.") },

  /* Lose conditions and the answers that make them break the loop. */
  { CX, accuracy_without_fallback, FW_REASON_BREAKS, EFFECT_BREAK,
    /* “100% a” is not a format: xgettext:no-c-format */
    N_("Customer experience breaks: 100% accuracy is required and no human fallback "
       "is accepted."),
    advice_accuracy },
  { CX, accuracy_fallback_unanswered, FW_REASON_BREAKS, EFFECT_BREAK,
    /* “100% a” is not a format: xgettext:no-c-format */
    N_("Customer experience breaks: 100% accuracy is required and nobody has said whether "
       "a human fallback is acceptable."),
    advice_accuracy },
  { CX, explainability_all_no, FW_REASON_BREAKS, EFFECT_BREAK,
    N_("Customer experience breaks: every answer must be explained, a wrong answer is "
       "costly, no human makes the final decision and no interpretable model would do."),
    advice_explainability },
  /* Some answered no, some not at all: say what would lift it, not "not answered". */
  { CX, explainability_unanswered, FW_REASON_BREAKS, EFFECT_BREAK,
    N_("Customer experience breaks: every answer must be explained and no answer yet says "
       "a way round it (a small cost of a wrong answer, a human who decides, an "
       "interpretable model)."),
    N_("Answer the explainability questions in step 4: one yes (a small cost of a wrong "
       "answer, a human who decides, an interpretable model) lifts the break.") },
  { TRAFFIC, users_would_not_miss, FW_REASON_BREAKS, EFFECT_BREAK,
    N_("Users and traffic break: users would not miss the feature, so it wins no customers."),
    N_("Find out whether users would miss the feature: ask them, or test a fake door.") },
  { DATA, data_not_collected, FW_REASON_BREAKS, EFFECT_BREAK,
    N_("Data breaks: the data is not collected as the feature is used."),
    advice_data },
  { DATA, data_not_allowed, FW_REASON_BREAKS, EFFECT_BREAK,
    N_("Data breaks: the data may not be used (terms of service or consent)."),
    advice_data },
  { MODEL, existing_algorithm, FW_REASON_BREAKS, EFFECT_BREAK,
    N_("Model accuracy breaks: an existing algorithm already solves it — conventional "
       "software is enough."),
    N_("Try a rule-based baseline first; ML is worth it only where it clearly beats it.") },
  { MODEL, no_new_data, FW_REASON_BREAKS, EFFECT_BREAK,
    N_("Model accuracy breaks: the problem does not change with new data, so more data "
       "does not improve the model."),
    N_("Check whether the problem really stays the same over time; if it does, "
       "conventional software is enough.") },

  /* Win conditions: one level up, at most once per stage. */
  { CX, immediate_response, FW_REASON_SUPPORTS, EFFECT_LIFT,
    N_("Immediate response supports the customer experience: answers come at once, "
       "where a person would be too slow."),
    NULL, FW_CONDITION_IMMEDIATE_RESPONSE },
  { CX, personalization, FW_REASON_SUPPORTS, EFFECT_LIFT,
    N_("Personalization supports the customer experience: each customer gets answers "
       "of their own."),
    NULL, FW_CONDITION_PERSONALIZATION },
  { TRAFFIC, scalability, FW_REASON_SUPPORTS, EFFECT_LIFT,
    N_("Scalability supports users and traffic: the feature serves more users than people "
       "could by hand."),
    NULL, FW_CONDITION_SCALABILITY },
  { DATA, personalization, FW_REASON_SUPPORTS, EFFECT_LIFT,
    N_("Personalization supports the data: every customer’s use adds data about what "
       "they prefer."),
    NULL, FW_CONDITION_PERSONALIZATION },
  { MODEL, complex_logic, FW_REASON_SUPPORTS, EFFECT_LIFT,
    N_("Complex logic supports model accuracy: the rules are too complex to write by hand, "
       "so learning from data pays off."),
    NULL, FW_CONDITION_COMPLEX_LOGIC },

  /* Uncertainty: mistakes a person would not make keep the experience weak. */
  { CX, errors_not_acceptable, FW_REASON_WEAKENS, EFFECT_CAP_WEAK,
    N_("Customer experience is weak: the model’s mistakes would not be accepted where "
       "a person would not make them."),
    N_("Find out how users react when the model errs, or design the feature so that "
       "a wrong answer costs little.") },

  /* Answers that keep a lose condition from breaking the loop. */
  { CX, accuracy_with_fallback, FW_REASON_SUPPORTS, EFFECT_NOTE,
    N_("A human fallback covers the cases the model gets wrong."),
    NULL },
  { CX, explainability_error_cost_small, FW_REASON_SUPPORTS, EFFECT_NOTE,
    N_("Full explanations are not needed: the cost of a wrong answer is small."),
    NULL },
  { CX, explainability_human_decides, FW_REASON_SUPPORTS, EFFECT_NOTE,
    N_("Full explanations are not needed: a human makes the final decision."),
    NULL },
  { CX, explainability_interpretable_ok, FW_REASON_SUPPORTS, EFFECT_NOTE,
    N_("Explanations are covered: an interpretable model would be accurate enough."),
    NULL },

  { IDEA_WIDE, no_win_condition, FW_REASON_WEAKENS, EFFECT_NOTE,
    N_("No win condition is ticked, so nothing yet says ML is the better way here."),
    N_("Check the win conditions: complex logic, scalability, immediate response, "
       "personalization.") },
};

#undef CX
#undef TRAFFIC
#undef DATA
#undef MODEL

/* A stage's state before the rules above: from its why and its evidence. The
 * formats take the stage's label (fw_stage_label()). */
typedef struct
{
  FwStageState  state;
  FwReasonKind  kind;
  const char   *reason;
  const char   *reason_plural;  /* for a stage named in the plural: "Users and traffic" */
} EvidenceRule;

static const EvidenceRule evidence_rules[] = {
  [FW_EVIDENCE_NONE] = { FW_STAGE_STATE_WEAK, FW_REASON_WEAKENS,
    N_("%s is weak: nothing supports it yet."),
    N_("%s are weak: nothing supports them yet.") },
  [FW_EVIDENCE_THEMATIC] = { FW_STAGE_STATE_WEAK, FW_REASON_WEAKENS,
    N_("%s is weak: it rests only on other companies’ cases and trends."),
    N_("%s are weak: they rest only on other companies’ cases and trends.") },
  [FW_EVIDENCE_OPINIONS] = { FW_STAGE_STATE_WEAK, FW_REASON_WEAKENS,
    N_("%s is weak: it rests on opinions only (team, executives)."),
    N_("%s are weak: they rest on opinions only (team, executives).") },
  [FW_EVIDENCE_ESTIMATES] = { FW_STAGE_STATE_HOLDS, FW_REASON_SUPPORTS,
    N_("%s holds: estimates and plans support it."),
    N_("%s hold: estimates and plans support them.") },
  [FW_EVIDENCE_ANECDOTAL] = { FW_STAGE_STATE_HOLDS, FW_REASON_SUPPORTS,
    N_("%s holds: a few customers and some data support it."),
    N_("%s hold: a few customers and some data support them.") },
  [FW_EVIDENCE_MARKET_DATA] = { FW_STAGE_STATE_STRONG, FW_REASON_SUPPORTS,
    N_("%s is strong: market data supports it."),
    N_("%s are strong: market data supports them.") },
  [FW_EVIDENCE_USER_EVIDENCE] = { FW_STAGE_STATE_STRONG, FW_REASON_SUPPORTS,
    N_("%s is strong: users’ reactions and product data support it (20 or more customers)."),
    N_("%s are strong: users’ reactions and product data support them (20 or more "
       "customers).") },
  [FW_EVIDENCE_TEST_RESULTS] = { FW_STAGE_STATE_STRONG, FW_REASON_SUPPORTS,
    N_("%s is strong: test results support it (surveys, alpha/beta, A/B tests)."),
    N_("%s are strong: test results support them (surveys, alpha/beta, A/B tests).") },
};
G_STATIC_ASSERT (G_N_ELEMENTS (evidence_rules) == FW_N_EVIDENCE);

/* Takes the question, fw_stage_question(). */
static const char unanswered_reason[] = N_("Not answered yet: %s");
static const char unanswered_advice[] = N_("Answer this question: %s");
/* Takes the stage's label, in the middle of a sentence. */
static const char weak_advice[] =
  N_("Gather customer evidence for %s: estimates and plans first, then a few customers, "
     "then market data.");

/* Points per state; a broken stage also halves the sum (a cut loop does not turn). */
static const int state_points[] = {
  [FW_STAGE_STATE_UNANSWERED] = 0,
  [FW_STAGE_STATE_WEAK] = 10,
  [FW_STAGE_STATE_HOLDS] = 18,
  [FW_STAGE_STATE_STRONG] = 25,
  [FW_STAGE_STATE_BROKEN] = 0,
};
G_STATIC_ASSERT (G_N_ELEMENTS (state_points) == FW_N_STAGE_STATES);

/* What a reason is for, so that the slides can pick the telling ones. */
typedef enum
{
  ROLE_EVIDENCE,  /* a stage's why and evidence */
  ROLE_ROW,       /* a row of rules[] */
  ROLE_LIFT,      /* the sentence that says a win condition lifted a stage */
} Role;

struct _FwAssessment
{
  gatomicrefcount  ref_count;
  FwStageState     states[FW_N_STAGES];
  FwEvidence       evidence[FW_N_STAGES];  /* for describe() */
  int              lifted_by[FW_N_STAGES]; /* the FwCondition that lifted it, or -1 */
  FwVerdict        verdict;
  int              score;
  int              poc_priority;
  GArray          *reasons;  /* FwReason, stage order then idea-wide */
  GArray          *roles;    /* Role, one per reason */
  char           **advice;
};

G_DEFINE_BOXED_TYPE (FwAssessment, fw_assessment, fw_assessment_ref, fw_assessment_unref)

/* Only ever called with the formats above, whose one %s msgfmt --check verifies
 * in every translation. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
static char *
format_one (const char *format,
            const char *arg)
{
  return g_strdup_printf (_(format), arg);
}
#pragma GCC diagnostic pop

/* One home for the rule: fw-text.h. */
static char *
in_sentence (const char *text)
{
  return fw_text_in_sentence (text);
}

static void
reason_clear (gpointer data)
{
  FwReason *reason = data;

  g_clear_pointer (&reason->text, g_free);
}

/* Reasons and advice are gathered per stage, the last bucket idea-wide, so
 * that both come out in stage order whatever the order of the phases. */
#define N_BUCKETS (FW_N_STAGES + 1)
#define BUCKET(stage) ((stage) == IDEA_WIDE ? FW_N_STAGES : (guint) (stage))

typedef struct
{
  FwReason  reason;
  Role      role;
} Item;

typedef struct
{
  GPtrArray *reasons[N_BUCKETS];  /* Item * */
  GPtrArray *advice[N_BUCKETS];   /* char *, translated */
} Gathered;

static void
add_reason (Gathered     *g,
            int           stage,
            FwReasonKind  kind,
            Role          role,
            char         *text)
{
  Item *item = g_new0 (Item, 1);

  item->reason.stage = stage;
  item->reason.kind = kind;
  item->reason.text = text;
  item->role = role;
  g_ptr_array_add (g->reasons[BUCKET (stage)], item);
}

static void
add_advice (Gathered *g,
            int       stage,
            char     *text)
{
  GPtrArray *bucket = g->advice[BUCKET (stage)];

  /* Two rows may share a piece of advice (both data rows do). */
  for (guint i = 0; i < bucket->len; i++)
    if (g_str_equal (g_ptr_array_index (bucket, i), text))
      {
        g_free (text);
        return;
      }
  g_ptr_array_add (bucket, text);
}

/* What the idea-wide rows of step 2 decided. */
typedef struct
{
  gboolean no_ml;      /* EFFECT_NO_ML fired */
  gboolean undecided;  /* EFFECT_UNDECIDED fired */
  gboolean unsure;     /* EFFECT_UNSURE fired */
} IdeaWide;

static FwVerdict
decide_verdict (const FwStageState *states,
                gboolean            any_win,
                const IdeaWide     *wide)
{
  gboolean any_broken = FALSE, any_unanswered = FALSE, all_hold = TRUE;

  for (guint s = 0; s < FW_N_STAGES; s++)
    {
      any_broken |= states[s] == FW_STAGE_STATE_BROKEN;
      any_unanswered |= states[s] == FW_STAGE_STATE_UNANSWERED;
      all_hold &= states[s] == FW_STAGE_STATE_HOLDS || states[s] == FW_STAGE_STATE_STRONG;
    }
  if (any_broken || wide->no_ml)
    return FW_VERDICT_LOSING;
  if (any_unanswered || wide->undecided)
    return FW_VERDICT_INCOMPLETE;
  if (all_hold && any_win && !wide->unsure)
    return FW_VERDICT_WINNING;
  return FW_VERDICT_PROMISING;
}

static int
compute_score (const FwStageState *states,
               const IdeaWide     *wide)
{
  int sum = 0;
  gboolean broken = wide->no_ml;

  for (guint s = 0; s < FW_N_STAGES; s++)
    {
      sum += state_points[states[s]];
      broken |= states[s] == FW_STAGE_STATE_BROKEN;
    }
  return broken ? sum / 2 : sum;
}

static int
compute_poc_priority (FwIdea *idea)
{
  int sum = 0;

  for (guint p = 0; p < FW_N_PRIORITIES; p++)
    {
      FwLevel level = fw_idea_get_priority (idea, p);

      if (level == FW_LEVEL_UNSET)
        return 0;
      sum += fw_level_points (level);
    }
  return sum;
}

/* "Lifted by personalization: customer experience, from holds to strong." */
static char *
lift_sentence (FwStage      stage,
               FwCondition  win,
               FwStageState from,
               FwStageState to)
{
  g_autofree char *condition = in_sentence (fw_condition_label (win));
  g_autofree char *label = in_sentence (fw_stage_label (stage));
  g_autofree char *from_label = in_sentence (fw_stage_state_label (from));
  g_autofree char *to_label = in_sentence (fw_stage_state_label (to));

  /* TRANSLATORS: a win condition lifted a stage one level, e.g. "Lifted by
   * personalization: customer experience, from holds to strong." */
  return g_strdup_printf (_("Lifted by %s: %s, from %s to %s."),
                          condition, label, from_label, to_label);
}

/* The promising verdict's first piece of advice: what a winning pattern still
 * lacks, so "needs evidence" never stands where the evidence is already there. */
static char *
missing_for_winning (const FwAssessment *self,
                     gboolean            any_win,
                     const IdeaWide     *wide)
{
  g_autoptr(GPtrArray) missing = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *list = NULL;
  gboolean all_hold = TRUE;

  for (guint s = 0; s < FW_N_STAGES; s++)
    if (self->states[s] == FW_STAGE_STATE_WEAK)
      {
        g_autofree char *label = in_sentence (fw_stage_label (s));

        all_hold = FALSE;
        /* TRANSLATORS: one thing a winning pattern lacks, %s is a stage */
        g_ptr_array_add (missing, g_strdup_printf (fw_stage_label_is_plural (s)
                                                     ? _("evidence that %s hold")
                                                     : _("evidence that %s holds"),
                                                   label));
      }
  if (!any_win)
    g_ptr_array_add (missing, g_strdup (_("a win condition that holds for this idea")));
  if (wide->unsure)
    g_ptr_array_add (missing, g_strdup (_("confirmation that ML applies (〇 instead of △)")));
  if (missing->len == 0)
    return NULL;

  g_ptr_array_add (missing, NULL);
  list = g_strjoinv (C_("between the things a winning pattern lacks", "; "),
                     (char **) missing->pdata);
  if (all_hold)
    /* TRANSLATORS: %s lists what is missing, e.g. "a win condition that holds for this idea" */
    return g_strdup_printf (_("Every stage holds; what a winning pattern still needs is %s."),
                            list);
  /* TRANSLATORS: %s lists what is missing, e.g. "evidence that data holds" */
  return g_strdup_printf (_("What a winning pattern still needs: %s."), list);
}

/**
 * fw_assessment_new:
 * @idea: the idea to assess
 *
 * Applies the rules to @idea as it is now; later edits need a new assessment.
 *
 * Returns: (transfer full): the assessment
 */
FwAssessment *
fw_assessment_new (FwIdea *idea)
{
  FwAssessment *self;
  gboolean answered[FW_N_STAGES], lifted[FW_N_STAGES] = { FALSE, };
  gboolean any_win = FALSE;
  IdeaWide wide = { FALSE, };
  Gathered g;
  GPtrArray *advice;
  char *missing;

  g_return_val_if_fail (FW_IS_IDEA (idea), NULL);

  self = g_new0 (FwAssessment, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->reasons = g_array_new (FALSE, TRUE, sizeof (FwReason));
  g_array_set_clear_func (self->reasons, reason_clear);
  self->roles = g_array_new (FALSE, TRUE, sizeof (Role));
  for (guint b = 0; b < N_BUCKETS; b++)
    {
      g.reasons[b] = g_ptr_array_new ();
      g.advice[b] = g_ptr_array_new ();
    }

  for (guint s = 0; s < FW_N_STAGES; s++)
    {
      answered[s] = !fw_text_is_blank (fw_idea_get_why (idea, s));
      self->evidence[s] = fw_idea_get_evidence (idea, s);
      self->states[s] = answered[s] ? evidence_rules[self->evidence[s]].state
                                    : FW_STAGE_STATE_UNANSWERED;
      self->lifted_by[s] = -1;
    }
  for (guint c = 0; c < FW_N_WIN_CONDITIONS; c++)
    any_win |= fw_idea_get_condition (idea, c);

  for (Effect phase = 0; phase < N_EFFECTS; phase++)
    {
      /* A broken stage's evidence no longer matters, so it gets no reason. */
      if (phase == EFFECT_EVIDENCE)
        for (guint s = 0; s < FW_N_STAGES; s++)
          {
            if (self->states[s] == FW_STAGE_STATE_BROKEN)
              continue;
            if (answered[s])
              add_reason (&g, s, evidence_rules[self->evidence[s]].kind, ROLE_EVIDENCE,
                          format_one (fw_stage_label_is_plural (s)
                                        ? evidence_rules[self->evidence[s]].reason_plural
                                        : evidence_rules[self->evidence[s]].reason,
                                      fw_stage_label (s)));
            else
              add_reason (&g, s, FW_REASON_WEAKENS, ROLE_EVIDENCE,
                          format_one (unanswered_reason, fw_stage_question (s)));
          }

      for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
        {
          const Rule *rule = &rules[i];
          int stage = rule->stage;
          char *lift = NULL;

          if (rule->effect != phase || !rule->applies (idea))
            continue;

          switch (rule->effect)
            {
            case EFFECT_NO_ML:
              wide.no_ml = TRUE;
              break;

            case EFFECT_UNDECIDED:
              wide.undecided = TRUE;
              break;

            case EFFECT_UNSURE:
              wide.unsure = TRUE;
              break;

            case EFFECT_BREAK:
              self->states[stage] = FW_STAGE_STATE_BROKEN;
              break;

            case EFFECT_LIFT:
              if (!answered[stage] || self->states[stage] == FW_STAGE_STATE_BROKEN)
                continue;
              if (!lifted[stage] && (self->states[stage] == FW_STAGE_STATE_WEAK ||
                                     self->states[stage] == FW_STAGE_STATE_HOLDS))
                {
                  FwStageState from = self->states[stage];

                  self->states[stage] = (FwStageState) (from + 1);
                  self->lifted_by[stage] = rule->win;
                  lift = lift_sentence (stage, rule->win, from, self->states[stage]);
                }
              lifted[stage] = TRUE;
              break;

            case EFFECT_CAP_WEAK:
              if (!answered[stage] || self->states[stage] == FW_STAGE_STATE_BROKEN)
                continue;
              self->states[stage] = FW_STAGE_STATE_WEAK;
              /* Nothing is left of the lift, so the diagram must not claim it. */
              self->lifted_by[stage] = -1;
              break;

            case EFFECT_NOTE:
            case EFFECT_EVIDENCE:
            case N_EFFECTS:
            default:
              break;
            }

          add_reason (&g, stage, rule->kind, ROLE_ROW, g_strdup (_(rule->reason)));
          /* Said where it happens: right after the win condition's own reason. */
          if (lift)
            add_reason (&g, stage, FW_REASON_SUPPORTS, ROLE_LIFT, lift);
          if (rule->advice)
            add_advice (&g, stage, g_strdup (_(rule->advice)));
        }
    }

  /* Advice that comes from the state itself rather than from a row. */
  for (guint s = 0; s < FW_N_STAGES; s++)
    {
      if (!answered[s] && self->states[s] == FW_STAGE_STATE_UNANSWERED)
        add_advice (&g, s, format_one (unanswered_advice, fw_stage_question (s)));
      else if (self->states[s] == FW_STAGE_STATE_WEAK &&
               evidence_rules[self->evidence[s]].state == FW_STAGE_STATE_WEAK)
        {
          g_autofree char *label = in_sentence (fw_stage_label (s));

          add_advice (&g, s, format_one (weak_advice, label));
        }
    }

  self->verdict = decide_verdict (self->states, any_win, &wide);
  self->score = compute_score (self->states, &wide);
  self->poc_priority = compute_poc_priority (idea);

  advice = g_ptr_array_new ();
  missing = self->verdict == FW_VERDICT_PROMISING ? missing_for_winning (self, any_win, &wide)
                                                  : NULL;
  if (missing)
    g_ptr_array_add (advice, missing);
  for (guint b = 0; b < N_BUCKETS; b++)
    {
      for (guint i = 0; i < g.reasons[b]->len; i++)
        {
          Item *item = g_ptr_array_index (g.reasons[b], i);

          g_array_append_val (self->reasons, item->reason);
          g_array_append_val (self->roles, item->role);
          g_free (item);
        }
      for (guint i = 0; i < g.advice[b]->len; i++)
        g_ptr_array_add (advice, g_ptr_array_index (g.advice[b], i));
      g_ptr_array_unref (g.reasons[b]);
      g_ptr_array_unref (g.advice[b]);
    }
  g_ptr_array_add (advice, NULL);
  self->advice = (char **) g_ptr_array_free (advice, FALSE);

  return self;
}

FwAssessment *
fw_assessment_ref (FwAssessment *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
fw_assessment_unref (FwAssessment *self)
{
  g_return_if_fail (self != NULL);

  if (g_atomic_ref_count_dec (&self->ref_count))
    {
      g_array_unref (self->reasons);
      g_array_unref (self->roles);
      g_strfreev (self->advice);
      g_free (self);
    }
}

FwStageState
fw_assessment_get_stage_state (const FwAssessment *self,
                               FwStage             stage)
{
  g_return_val_if_fail (self != NULL, FW_STAGE_STATE_UNANSWERED);
  g_return_val_if_fail (stage < FW_N_STAGES, FW_STAGE_STATE_UNANSWERED);

  return self->states[stage];
}

FwVerdict
fw_assessment_get_verdict (const FwAssessment *self)
{
  g_return_val_if_fail (self != NULL, FW_VERDICT_INCOMPLETE);

  return self->verdict;
}

int
fw_assessment_get_score (const FwAssessment *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->score;
}

int
fw_assessment_get_poc_priority (const FwAssessment *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->poc_priority;
}

guint
fw_assessment_get_n_reasons (const FwAssessment *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->reasons->len;
}

const FwReason *
fw_assessment_get_reason (const FwAssessment *self,
                          guint               index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->reasons->len, NULL);

  return &g_array_index (self->reasons, FwReason, index);
}

const FwReason *
fw_assessment_get_break_reason (const FwAssessment *self,
                                FwStage             stage)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (stage < FW_N_STAGES, NULL);

  for (guint i = 0; i < self->reasons->len; i++)
    {
      const FwReason *reason = &g_array_index (self->reasons, FwReason, i);

      if (reason->stage == (int) stage && reason->kind == FW_REASON_BREAKS)
        return reason;
    }
  return NULL;
}

const char * const *
fw_assessment_get_advice (const FwAssessment *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return (const char * const *) self->advice;
}

/* "Anecdotal evidence" or "Anecdotal evidence, lifted by personalization":
 * what holds a stage up, the one phrase the diagram and describe() share. */
static char *
evidence_text (const FwAssessment *self,
               FwStage             stage)
{
  const char *evidence = fw_evidence_label (self->evidence[stage]);
  g_autofree char *win = NULL;

  if (self->lifted_by[stage] < 0)
    return g_strdup (evidence);
  win = in_sentence (fw_condition_label (self->lifted_by[stage]));
  /* TRANSLATORS: a stage's evidence, then the win condition that lifted the
   * stage one level, e.g. "Anecdotal evidence, lifted by personalization" */
  return g_strdup_printf (_("%s, lifted by %s"), evidence, win);
}

int
fw_assessment_get_lifted_by (const FwAssessment *self,
                             FwStage             stage)
{
  g_return_val_if_fail (self != NULL, -1);
  g_return_val_if_fail (stage < FW_N_STAGES, -1);

  return self->lifted_by[stage];
}

char *
fw_assessment_dup_state_text (const FwAssessment *self,
                              FwStage             stage)
{
  FwStageState state;
  g_autofree char *evidence = NULL;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (stage < FW_N_STAGES, NULL);

  state = self->states[stage];
  if (state == FW_STAGE_STATE_UNANSWERED || state == FW_STAGE_STATE_BROKEN ||
      (self->evidence[stage] == FW_EVIDENCE_NONE && self->lifted_by[stage] < 0))
    return g_strdup (fw_stage_state_label (state));
  evidence = evidence_text (self, stage);
  /* TRANSLATORS: a stage's state and its evidence, e.g. "Holds · Estimates and plans" */
  return g_strdup_printf (_("%s · %s"), fw_stage_state_label (state), evidence);
}

/* How telling a reason is, for a stage that is not simply "holds": what cuts
 * it, what keeps it down, what lifted it. 0 when it does not tell that. */
static int
telling_rank (const FwAssessment *self,
              guint               index)
{
  const FwReason *reason = &g_array_index (self->reasons, FwReason, index);
  Role role = g_array_index (self->roles, Role, index);
  FwStageState state;

  if (reason->stage == IDEA_WIDE)
    return reason->kind == FW_REASON_SUPPORTS ? 0 : 3;
  state = self->states[reason->stage];
  switch (state)
    {
    case FW_STAGE_STATE_BROKEN:
      return reason->kind == FW_REASON_BREAKS ? 3 : 0;
    case FW_STAGE_STATE_UNANSWERED:
    case FW_STAGE_STATE_WEAK:
      return reason->kind == FW_REASON_WEAKENS ? 2 : 0;
    case FW_STAGE_STATE_STRONG:
      if (self->lifted_by[reason->stage] >= 0)
        return role == ROLE_LIFT ? 1 : 0;
      return role == ROLE_EVIDENCE ? 1 : 0;
    case FW_STAGE_STATE_HOLDS:
      /* Lifted from weak: the lift is the news. */
      return role == ROLE_LIFT ? 1 : 0;
    case FW_N_STAGE_STATES:
    default:
      return 0;
    }
}

GPtrArray *
fw_assessment_pick_reasons (const FwAssessment *self,
                            guint               max)
{
  g_autofree gboolean *picked = NULL;
  gboolean covered[N_BUCKETS] = { FALSE, };
  GPtrArray *out;
  guint n, n_picked = 0;

  g_return_val_if_fail (self != NULL, NULL);

  n = self->reasons->len;
  picked = g_new0 (gboolean, MAX (n, 1));

  /* First the one most telling reason of each stage that is not simply
   * "holds", and every idea-wide reason that keeps the verdict down. */
  for (guint i = 0; i < n; i++)
    {
      const FwReason *reason = &g_array_index (self->reasons, FwReason, i);
      guint bucket = BUCKET (reason->stage);

      if (telling_rank (self, i) == 0 || (reason->stage != IDEA_WIDE && covered[bucket]))
        continue;
      picked[i] = TRUE;
      covered[bucket] = TRUE;
      n_picked++;
    }

  /* Then, up to @max, what breaks, then what weakens, then what supports. */
  for (int kind = FW_REASON_BREAKS; kind >= FW_REASON_SUPPORTS && n_picked < max; kind--)
    for (guint i = 0; i < n && n_picked < max; i++)
      if (!picked[i] && (int) g_array_index (self->reasons, FwReason, i).kind == kind)
        {
          picked[i] = TRUE;
          n_picked++;
        }

  out = g_ptr_array_new ();
  for (guint i = 0; i < n; i++)
    if (picked[i])
      g_ptr_array_add (out, &g_array_index (self->reasons, FwReason, i));
  return out;
}

char *
fw_format_poc_priority (int priority)
{
  if (priority <= 0)
    /* TRANSLATORS: a PoC priority that is not rated yet, e.g. "PoC priority not rated yet" */
    return g_strdup (_("not rated yet"));
  /* TRANSLATORS: a PoC priority of 3–9, e.g. "7 of 9" */
  return g_strdup_printf (_("%d of 9"), priority);
}

char *
fw_format_summary (FwVerdict verdict,
                   int       score,
                   int       priority)
{
  g_autofree char *poc = NULL;

  g_return_val_if_fail (verdict < FW_N_VERDICTS, NULL);

  if (priority < 0)
    /* TRANSLATORS: the verdict and the 0–100 flywheel score, e.g. "Winning pattern · score 72" */
    return g_strdup_printf (_("%s · score %d"), fw_verdict_label (verdict), score);
  poc = fw_format_poc_priority (priority);
  /* TRANSLATORS: verdict, flywheel score 0–100, then PoC priority, e.g.
   * "Winning pattern · score 72 · PoC priority 7 of 9" */
  return g_strdup_printf (_("%s · score %d · PoC priority %s"), fw_verdict_label (verdict),
                          score, poc);
}

char *
fw_format_score_line (int score,
                      int priority)
{
  g_autofree char *poc = fw_format_poc_priority (priority);

  /* TRANSLATORS: flywheel score 0–100, then PoC priority, e.g. "7 of 9" or "not rated yet" */
  return g_strdup_printf (_("Flywheel score %d of 100 · PoC priority %s"), score, poc);
}

char *
fw_assessment_format_summary (const FwAssessment *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return fw_format_summary (self->verdict, self->score, self->poc_priority);
}

static char *
describe_stage (const FwAssessment *self,
                FwStage             stage)
{
  const char *label = fw_stage_label (stage);
  gboolean plural = fw_stage_label_is_plural (stage);
  g_autofree char *evidence = evidence_text (self, stage);
  g_autofree char *evidence_label = in_sentence (evidence);
  const FwReason *broken;

  switch (self->states[stage])
    {
    case FW_STAGE_STATE_BROKEN:
      broken = fw_assessment_get_break_reason (self, stage);
      if (broken != NULL)
        {
          /* The break reason is a sentence; here it becomes one clause. */
          g_autofree char *clause = g_strdup (broken->text);
          gsize len = strlen (clause);

          if (g_str_has_suffix (clause, "."))
            clause[len - 1] = '\0';
          else if (g_str_has_suffix (clause, "。"))
            clause[len - strlen ("。")] = '\0';
          return g_steal_pointer (&clause);
        }
      /* TRANSLATORS: %s is a stage of the flywheel, e.g. "Data" */
      return g_strdup_printf (plural ? _("%s break") : _("%s breaks"), label);

    case FW_STAGE_STATE_UNANSWERED:
      /* TRANSLATORS: %s is a stage of the flywheel, e.g. "Data" */
      return g_strdup_printf (plural ? _("%s are unanswered") : _("%s is unanswered"), label);

    case FW_STAGE_STATE_WEAK:
      /* TRANSLATORS: "Data is weak (others’ opinions)": a stage, then its evidence */
      return g_strdup_printf (plural ? _("%s are weak (%s)") : _("%s is weak (%s)"), label,
                              evidence_label);

    case FW_STAGE_STATE_HOLDS:
      /* TRANSLATORS: "Data holds (estimates and plans)": a stage, then its evidence */
      return g_strdup_printf (plural ? _("%s hold (%s)") : _("%s holds (%s)"), label,
                              evidence_label);

    case FW_STAGE_STATE_STRONG:
      /* TRANSLATORS: "Data is strong (market data)": a stage, then its evidence */
      return g_strdup_printf (plural ? _("%s are strong (%s)") : _("%s is strong (%s)"), label,
                              evidence_label);

    case FW_N_STAGE_STATES:
    default:
      g_return_val_if_reached (g_strdup (label));
    }
}

char *
fw_assessment_describe (const FwAssessment *self)
{
  g_autoptr(GString) line = g_string_new (NULL);
  g_autofree char *verdict = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  for (guint s = 0; s < FW_N_STAGES; s++)
    {
      g_autofree char *piece = describe_stage (self, s);

      if (s > 0)
        {
          g_autofree char *lower = in_sentence (piece);

          /* TRANSLATORS: between the stages in a one-line summary */
          g_string_append (line, _("; "));
          g_string_append (line, lower);
        }
      else
        g_string_append (line, piece);
    }

  verdict = in_sentence (fw_verdict_label (self->verdict));
  /* TRANSLATORS: ends the one-line summary; %s is e.g. "losing pattern", %d is 0–100 */
  g_string_append_printf (line, _(". Verdict: %s, score %d."), verdict, self->score);
  /* What cuts the loop for the idea as a whole (×) touches no stage, so the
   * clauses above do not say it. */
  for (guint i = 0; i < self->reasons->len; i++)
    {
      const FwReason *reason = &g_array_index (self->reasons, FwReason, i);

      if (reason->stage == IDEA_WIDE && reason->kind == FW_REASON_BREAKS)
        g_string_append_printf (line, " %s", reason->text);
    }

  return g_string_free (g_steal_pointer (&line), FALSE);
}
