/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "fw-gettext.h"

#include "fw-enums.h"

typedef struct
{
  const char *id;
  const char *label;
} FwEnumEntry;

static const char *
enum_to_id (const FwEnumEntry *table,
            guint              n,
            int                value)
{
  g_return_val_if_fail (value >= 0 && (guint) value < n, NULL);
  return table[value].id;
}

static gboolean
enum_from_id (const FwEnumEntry *table,
              guint              n,
              const char        *id,
              int               *value)
{
  if (id == NULL)
    return FALSE;
  for (guint i = 0; i < n; i++)
    if (g_str_equal (table[i].id, id))
      {
        *value = (int) i;
        return TRUE;
      }
  return FALSE;
}

static const char *
enum_ids_list (const FwEnumEntry *table,
               guint              n)
{
  g_autoptr(GString) s = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    g_string_append_printf (s, "%s%s", i ? ", " : "", table[i].id);
  return g_intern_string (s->str);
}

/* Registers a GEnum whose nicks are the file ids, so GObject properties are typed. */
static GType
register_enum (const char        *type_name,
               const FwEnumEntry *table,
               guint              n)
{
  GEnumValue *values = g_new0 (GEnumValue, n + 1);

  for (guint i = 0; i < n; i++)
    {
      values[i].value = (int) i;
      values[i].value_name = g_intern_string (table[i].id);
      values[i].value_nick = table[i].id;
    }
  return g_enum_register_static (type_name, values);
}

#define FW_DEFINE_ENUM_TABLE(Name, name, table)                                \
  const char *fw_##name##_to_id (Name value)                                   \
  { return enum_to_id (table, G_N_ELEMENTS (table), (int) value); }            \
  gboolean fw_##name##_from_id (const char *id, Name *value)                   \
  {                                                                            \
    int v;                                                                     \
    if (!enum_from_id (table, G_N_ELEMENTS (table), id, &v))                   \
      return FALSE;                                                            \
    *value = (Name) v;                                                         \
    return TRUE;                                                               \
  }                                                                            \
  const char *fw_##name##_label (Name value)                                   \
  {                                                                            \
    g_return_val_if_fail ((guint) value < G_N_ELEMENTS (table), "");           \
    return _(table[value].label);                                              \
  }                                                                            \
  const char *fw_##name##_ids_list (void)                                      \
  { return enum_ids_list (table, G_N_ELEMENTS (table)); }                      \
  GType fw_##name##_get_type (void)                                            \
  {                                                                            \
    static gsize type = 0;                                                     \
    if (g_once_init_enter (&type))                                             \
      g_once_init_leave (&type,                                                \
        register_enum (#Name, table, G_N_ELEMENTS (table)));                   \
    return (GType) type;                                                       \
  }

static const FwEnumEntry tasks[] = {
  { "undecided", N_("Not decided yet") },
  { "regression", N_("Regression") },
  { "classification", N_("Classification") },
  { "clustering", N_("Clustering") },
  { "anomaly-detection", N_("Anomaly detection") },
  { "ranking", N_("Ranking") },
  { "recommendation", N_("Recommendation") },
};
G_STATIC_ASSERT (G_N_ELEMENTS (tasks) == FW_N_TASKS);

static const FwEnumEntry applicabilities[] = {
  { "unknown", N_("Not assessed") },
  { "yes", N_("Applicable") },
  { "no", N_("Not applicable") },
  { "maybe", N_("Possibly — ask someone who knows ML") },
};
G_STATIC_ASSERT (G_N_ELEMENTS (applicabilities) == FW_N_APPLICABILITIES);

static const FwEnumEntry stages[] = {
  { "customer-experience", N_("Customer experience") },
  { "traffic", N_("Users and traffic") },
  { "data", N_("Data") },
  { "model", N_("Model accuracy") },
};
G_STATIC_ASSERT (G_N_ELEMENTS (stages) == FW_N_STAGES);

/* "Users and traffic" takes a plural verb in the sentences the rules write ("are
 * weak", "hold"); those sentences come in both numbers, as two strings. */
gboolean
fw_stage_label_is_plural (FwStage stage)
{
  return stage == FW_STAGE_TRAFFIC;
}

/* The ICE confidence scale's levels, named by what they rest on: "thematic support"
 * and "anecdotal evidence" read as if the deck's cases were anecdotes (事例), when
 * citing them is the weakest level. */
static const FwEnumEntry evidence[] = {
  { "none", N_("No evidence") },
  { "thematic", N_("Other companies’ cases, trends") },
  { "opinions", N_("Others’ opinions") },
  { "estimates", N_("Estimates and plans") },
  { "anecdotal", N_("A few customers, some data") },
  { "market-data", N_("Market data") },
  { "user-evidence", N_("Users’ reactions, product data") },
  { "test-results", N_("Test results") },
};
G_STATIC_ASSERT (G_N_ELEMENTS (evidence) == FW_N_EVIDENCE);

static const FwEnumEntry conditions[] = {
  { "complex-logic", N_("Complex logic") },
  { "scalability", N_("Scalability") },
  { "immediate-response", N_("Immediate response") },
  { "personalization", N_("Personalization") },
  { "existing-algorithm", N_("Solvable by an existing algorithm") },
  { "no-new-data", N_("No need to adapt to new data") },
  /* xgettext:no-c-format */
  { "full-accuracy", N_("100% accuracy required") },
  { "full-explainability", N_("Full explainability required") },
};
G_STATIC_ASSERT (G_N_ELEMENTS (conditions) == FW_N_CONDITIONS);

static const FwEnumEntry questions[] = {
  { "users-would-miss", N_("Would users miss the feature if it were gone?") },
  { "data-collected", N_("Is the data collected as the feature is used?") },
  { "data-allowed", N_("Is the data allowed to be used for training?") },
  { "human-fallback", N_("Is a human fallback acceptable where the model is unsure?") },
  { "error-cost-small", N_("Is the cost of a wrong answer small?") },
  { "human-decides", N_("Does a human make the final decision?") },
  { "interpretable-ok", N_("Would an interpretable model be accurate enough?") },
  { "errors-acceptable", N_("Is it acceptable that the model errs where a human would not?") },
};
G_STATIC_ASSERT (G_N_ELEMENTS (questions) == FW_N_QUESTIONS);

static const FwEnumEntry answers[] = {
  { "unanswered", N_("Not answered") },
  { "yes", N_("Yes") },
  { "no", N_("No") },
};
G_STATIC_ASSERT (G_N_ELEMENTS (answers) == FW_N_ANSWERS);

static const FwEnumEntry levels[] = {
  { "unset", N_("Not rated") },
  { "low", N_("Low") },
  { "medium", N_("Medium") },
  { "high", N_("High") },
};
G_STATIC_ASSERT (G_N_ELEMENTS (levels) == FW_N_LEVELS);

static const FwEnumEntry stage_states[] = {
  { "unanswered", N_("Unanswered") },
  { "weak", N_("Weak") },
  { "holds", N_("Holds") },
  { "strong", N_("Strong") },
  { "broken", N_("Broken") },
};
G_STATIC_ASSERT (G_N_ELEMENTS (stage_states) == FW_N_STAGE_STATES);

static const FwEnumEntry verdicts[] = {
  { "incomplete", N_("Incomplete") },
  { "losing", N_("Losing pattern") },
  { "promising", N_("Promising") },
  { "winning", N_("Winning pattern") },
};
G_STATIC_ASSERT (G_N_ELEMENTS (verdicts) == FW_N_VERDICTS);

static const FwEnumEntry roles[] = {
  { "product-manager", N_("Product manager") },
  { "engineer", N_("Engineer") },
  { "data-scientist", N_("Data scientist") },
  { "designer", N_("Designer") },
  { "other", N_("Other") },
};
G_STATIC_ASSERT (G_N_ELEMENTS (roles) == FW_N_ROLES);

static const FwEnumEntry decisions[] = {
  { "none", N_("No decision yet") },
  { "adopt-poc", N_("Adopt for a PoC") },
  { "gather-evidence", N_("Gather evidence first") },
  { "park", N_("Park") },
  { "drop", N_("Drop") },
};
G_STATIC_ASSERT (G_N_ELEMENTS (decisions) == FW_N_DECISIONS);

FW_DEFINE_ENUM_TABLE (FwTask, task, tasks)
FW_DEFINE_ENUM_TABLE (FwApplicability, applicability, applicabilities)
FW_DEFINE_ENUM_TABLE (FwStage, stage, stages)
FW_DEFINE_ENUM_TABLE (FwEvidence, evidence, evidence)
FW_DEFINE_ENUM_TABLE (FwCondition, condition, conditions)
FW_DEFINE_ENUM_TABLE (FwQuestion, question, questions)
FW_DEFINE_ENUM_TABLE (FwAnswer, answer, answers)
FW_DEFINE_ENUM_TABLE (FwLevel, level, levels)
FW_DEFINE_ENUM_TABLE (FwStageState, stage_state, stage_states)
FW_DEFINE_ENUM_TABLE (FwVerdict, verdict, verdicts)
FW_DEFINE_ENUM_TABLE (FwRole, role, roles)
FW_DEFINE_ENUM_TABLE (FwDecision, decision, decisions)

const char *
fw_task_description (FwTask task)
{
  static const char *texts[] = {
    N_("Choose the task once the story is clear."),
    N_("Predicts a number from past examples."),
    N_("Sorts each item into one of known categories."),
    N_("Finds groups of similar items without labels."),
    N_("Finds rare, exceptional patterns that differ from the usual."),
    N_("Predicts the order in which items are most likely to be chosen."),
    N_("Predicts the items a person is most likely to choose."),
  };
  G_STATIC_ASSERT (G_N_ELEMENTS (texts) == FW_N_TASKS);
  g_return_val_if_fail (task < FW_N_TASKS, "");
  return _(texts[task]);
}

const char *
fw_task_in_sentence (FwTask task)
{
  static const char *texts[] = {
    NC_("task in a sentence", "an undecided task"),
    NC_("task in a sentence", "regression"),
    NC_("task in a sentence", "classification"),
    NC_("task in a sentence", "clustering"),
    NC_("task in a sentence", "anomaly detection"),
    NC_("task in a sentence", "ranking"),
    NC_("task in a sentence", "recommendation"),
  };
  G_STATIC_ASSERT (G_N_ELEMENTS (texts) == FW_N_TASKS);
  g_return_val_if_fail (task < FW_N_TASKS, "");
  return fw_i18n_pgettext2 ("task in a sentence", texts[task]);
}

const char *
fw_task_example (FwTask task)
{
  static const char *texts[] = {
    "",
    N_("Predicting property prices (Zillow Zestimate)"),
    N_("Classifying words that need review (Duolingo)"),
    N_("Finding face patterns in images (automatic tagging of animation)"),
    N_("Spotting new kinds of fraud"),
    N_("Re-ordering search results (ibotta)"),
    N_("Recommending hotels for large events"),
  };
  G_STATIC_ASSERT (G_N_ELEMENTS (texts) == FW_N_TASKS);
  g_return_val_if_fail (task < FW_N_TASKS, "");
  return texts[task][0] ? _(texts[task]) : "";
}

const char *
fw_evidence_description (FwEvidence e)
{
  static const char *texts[] = {
    N_("Nothing supports this yet."),
    N_("Cases from other companies, the deck's among them, or market trends point this "
       "way."),
    N_("The team or executives believe it."),
    N_("A model or spreadsheet says so."),
    N_("Simulated customers, a few real ones, or some of your own data say so."),
    N_("Test marketing in the market says so."),
    N_("20 or more customers reacted to an MVP, or product data shows it."),
    N_("Long-term surveys, alpha/beta or A/B tests show it."),
  };
  G_STATIC_ASSERT (G_N_ELEMENTS (texts) == FW_N_EVIDENCE);
  g_return_val_if_fail (e < FW_N_EVIDENCE, "");
  return _(texts[e]);
}

double
fw_evidence_weight (FwEvidence e)
{
  static const double weights[] = { 0.0, 0.1, 0.2, 0.5, 1.0, 3.0, 7.0, 10.0 };
  G_STATIC_ASSERT (G_N_ELEMENTS (weights) == FW_N_EVIDENCE);
  g_return_val_if_fail (e < FW_N_EVIDENCE, 0.0);
  return weights[e];
}

const char *
fw_stage_question (FwStage stage)
{
  static const char *texts[] = {
    N_("① Why does the customer experience improve?"),
    N_("② Why do users increase?"),
    N_("③ Why does the data increase?"),
    N_("④ Why does the model become more accurate?"),
  };
  g_return_val_if_fail (stage < FW_N_STAGES, "");
  return _(texts[stage]);
}

const char *
fw_stage_short_label (FwStage stage)
{
  static const char *texts[] = {
    N_("Customer experience improves"),
    N_("Users and traffic grow"),
    N_("Data grows"),
    N_("Model improves"),
  };
  g_return_val_if_fail (stage < FW_N_STAGES, "");
  return _(texts[stage]);
}

const char *
fw_stage_losing_case (FwStage stage)
{
  static const char *texts[] = {
    N_("CX does not improve"),
    N_("Does not win customers"),
    N_("Data does not accumulate"),
    N_("Conventional software is enough"),
  };
  g_return_val_if_fail (stage < FW_N_STAGES, "");
  return _(texts[stage]);
}

const char *
fw_condition_description (FwCondition c)
{
  static const char *texts[] = {
    N_("The logic is too complex to write down as rules, like judging which expenses are deductible."),
    N_("It must serve many more users or items than people could handle by hand."),
    N_("The answer is needed at once, like stopping fraud while the payment is made."),
    N_("Each customer should get an answer of their own, like recommendations from their history."),
    N_("A known algorithm or plain rules already solve it well enough."),
    N_("The world it models does not change, so new data would not help."),
    N_("Every answer must be right; a single mistake is not acceptable."),
    N_("Every answer must be explained, like why a loan was refused."),
  };
  G_STATIC_ASSERT (G_N_ELEMENTS (texts) == FW_N_CONDITIONS);
  g_return_val_if_fail (c < FW_N_CONDITIONS, "");
  return _(texts[c]);
}

const char *
fw_question_description (FwQuestion q)
{
  static const char *texts[] = {
    N_("A feature nobody would miss brings no new users, so traffic does not grow."),
    N_("If the feature’s use is not recorded, no data accumulates to learn from."),
    N_("Terms of service or consent may forbid using the data, even when it is stored."),
    N_("Where a person can step in when the model is unsure, near-perfect accuracy is not needed."),
    N_("For example, the order in which items are shown: a wrong answer costs little."),
    N_("When a person decides and the model only advises, full explanations are not needed."),
    N_("A simple model, such as a decision tree, can explain itself; check whether it is accurate enough."),
    N_("A model predicts from past data with probabilities; its mistakes need not be the ones a person makes (dog or bread?)."),
  };
  G_STATIC_ASSERT (G_N_ELEMENTS (texts) == FW_N_QUESTIONS);
  g_return_val_if_fail (q < FW_N_QUESTIONS, "");
  return _(texts[q]);
}

const char *
fw_applicability_symbol (FwApplicability a)
{
  static const char *symbols[] = { "", "〇", "×", "△" };
  g_return_val_if_fail (a < FW_N_APPLICABILITIES, "");
  return symbols[a];
}

const char *
fw_level_symbol (FwLevel level)
{
  /* The worksheet's own marks; shown as-is in both languages. */
  static const char *symbols[] = { "", "低", "中", "高" };
  g_return_val_if_fail (level < FW_N_LEVELS, "");
  return symbols[level];
}

int
fw_level_points (FwLevel level)
{
  g_return_val_if_fail (level < FW_N_LEVELS, 0);
  return (int) level;
}
