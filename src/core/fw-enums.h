/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Every enum here has a stable id (used in files and on the command line), a
 * translatable label, and for most a one-line explanation. Ids never change;
 * labels may. */

typedef enum
{
  FW_TASK_UNDECIDED,
  FW_TASK_REGRESSION,
  FW_TASK_CLASSIFICATION,
  FW_TASK_CLUSTERING,
  FW_TASK_ANOMALY_DETECTION,
  FW_TASK_RANKING,
  FW_TASK_RECOMMENDATION,
  FW_N_TASKS
} FwTask;

typedef enum
{
  FW_APPLICABILITY_UNKNOWN,
  FW_APPLICABILITY_YES,   /* 〇 */
  FW_APPLICABILITY_NO,    /* × */
  FW_APPLICABILITY_MAYBE, /* △: looks applicable, ask someone who knows ML */
  FW_N_APPLICABILITIES
} FwApplicability;

typedef enum
{
  FW_STAGE_CUSTOMER_EXPERIENCE,
  FW_STAGE_TRAFFIC,
  FW_STAGE_DATA,
  FW_STAGE_MODEL,
  FW_N_STAGES
} FwStage;

/* The confidence scale of an ICE score, weakest to strongest (CONTENT.md §6). */
typedef enum
{
  FW_EVIDENCE_NONE,
  FW_EVIDENCE_THEMATIC,
  FW_EVIDENCE_OPINIONS,
  FW_EVIDENCE_ESTIMATES,
  FW_EVIDENCE_ANECDOTAL,
  FW_EVIDENCE_MARKET_DATA,
  FW_EVIDENCE_USER_EVIDENCE,
  FW_EVIDENCE_TEST_RESULTS,
  FW_N_EVIDENCE
} FwEvidence;

/* Four conditions that favour a win, then four that lead to a loss. */
typedef enum
{
  FW_CONDITION_COMPLEX_LOGIC,
  FW_CONDITION_SCALABILITY,
  FW_CONDITION_IMMEDIATE_RESPONSE,
  FW_CONDITION_PERSONALIZATION,
  FW_CONDITION_EXISTING_ALGORITHM,
  FW_CONDITION_NO_NEW_DATA,
  FW_CONDITION_FULL_ACCURACY,
  FW_CONDITION_FULL_EXPLAINABILITY,
  FW_N_CONDITIONS
} FwCondition;

#define FW_N_WIN_CONDITIONS 4
#define fw_condition_is_win(c) ((c) < FW_N_WIN_CONDITIONS)

/* The questions that decide whether a lose condition really breaks the loop. */
typedef enum
{
  FW_QUESTION_USERS_WOULD_MISS,   /* would users miss the feature? */
  FW_QUESTION_DATA_COLLECTED,     /* is the data collected? */
  FW_QUESTION_DATA_ALLOWED,       /* may it be used (terms of service, consent)? */
  FW_QUESTION_HUMAN_FALLBACK,     /* 100% accuracy asked: is a human fallback acceptable? */
  FW_QUESTION_ERROR_COST_SMALL,   /* explainability: is the cost of a wrong answer small? */
  FW_QUESTION_HUMAN_DECIDES,      /* explainability: does a human make the final decision? */
  FW_QUESTION_INTERPRETABLE_OK,   /* explainability: would an interpretable model do? */
  FW_QUESTION_ERRORS_ACCEPTABLE,  /* uncertainty: may the model err where a human would not? */
  FW_N_QUESTIONS
} FwQuestion;

typedef enum
{
  FW_ANSWER_UNANSWERED,
  FW_ANSWER_YES,
  FW_ANSWER_NO,
  FW_N_ANSWERS
} FwAnswer;

/* 高/中/低 with the worksheet's weights: 高=3 中=2 低=1. */
typedef enum
{
  FW_LEVEL_UNSET,
  FW_LEVEL_LOW,
  FW_LEVEL_MEDIUM,
  FW_LEVEL_HIGH,
  FW_N_LEVELS
} FwLevel;

typedef enum
{
  FW_STAGE_STATE_UNANSWERED,
  FW_STAGE_STATE_WEAK,
  FW_STAGE_STATE_HOLDS,
  FW_STAGE_STATE_STRONG,
  FW_STAGE_STATE_BROKEN,
  FW_N_STAGE_STATES
} FwStageState;

typedef enum
{
  FW_VERDICT_INCOMPLETE,
  FW_VERDICT_LOSING,
  FW_VERDICT_PROMISING,
  FW_VERDICT_WINNING,
  FW_N_VERDICTS
} FwVerdict;

/* A team member's role (the workshop's team: PM, engineers, data scientists, designers). */
typedef enum
{
  FW_ROLE_PRODUCT_MANAGER,
  FW_ROLE_ENGINEER,
  FW_ROLE_DATA_SCIENTIST,
  FW_ROLE_DESIGNER,
  FW_ROLE_OTHER,
  FW_N_ROLES
} FwRole;

/* What the PM decides for an idea after the team round. */
typedef enum
{
  FW_DECISION_NONE,            /* not decided yet */
  FW_DECISION_ADOPT_POC,       /* adopt for a PoC */
  FW_DECISION_GATHER_EVIDENCE, /* gather evidence first */
  FW_DECISION_PARK,
  FW_DECISION_DROP,
  FW_N_DECISIONS
} FwDecision;

GType fw_task_get_type         (void) G_GNUC_CONST;
GType fw_applicability_get_type (void) G_GNUC_CONST;
GType fw_stage_get_type        (void) G_GNUC_CONST;
GType fw_evidence_get_type     (void) G_GNUC_CONST;
GType fw_condition_get_type    (void) G_GNUC_CONST;
GType fw_question_get_type     (void) G_GNUC_CONST;
GType fw_answer_get_type       (void) G_GNUC_CONST;
GType fw_level_get_type        (void) G_GNUC_CONST;
GType fw_stage_state_get_type  (void) G_GNUC_CONST;
GType fw_verdict_get_type      (void) G_GNUC_CONST;
GType fw_role_get_type         (void) G_GNUC_CONST;
GType fw_decision_get_type     (void) G_GNUC_CONST;

#define FW_TYPE_TASK (fw_task_get_type ())
#define FW_TYPE_APPLICABILITY (fw_applicability_get_type ())
#define FW_TYPE_STAGE (fw_stage_get_type ())
#define FW_TYPE_EVIDENCE (fw_evidence_get_type ())
#define FW_TYPE_CONDITION (fw_condition_get_type ())
#define FW_TYPE_QUESTION (fw_question_get_type ())
#define FW_TYPE_ANSWER (fw_answer_get_type ())
#define FW_TYPE_LEVEL (fw_level_get_type ())
#define FW_TYPE_STAGE_STATE (fw_stage_state_get_type ())
#define FW_TYPE_VERDICT (fw_verdict_get_type ())
#define FW_TYPE_ROLE (fw_role_get_type ())
#define FW_TYPE_DECISION (fw_decision_get_type ())

/* For each enum NAME: fw_NAME_to_id(), fw_NAME_from_id() (FALSE on an unknown id),
 * fw_NAME_label() (translated), fw_NAME_ids_list() ("a, b, c" for error messages). */
#define FW_DECLARE_ENUM_TABLE(Name, name)                                      \
  const char *fw_##name##_to_id    (Name value);                               \
  gboolean    fw_##name##_from_id  (const char *id, Name *value);              \
  const char *fw_##name##_label    (Name value);                               \
  const char *fw_##name##_ids_list (void);

FW_DECLARE_ENUM_TABLE (FwTask, task)
FW_DECLARE_ENUM_TABLE (FwApplicability, applicability)
FW_DECLARE_ENUM_TABLE (FwStage, stage)
FW_DECLARE_ENUM_TABLE (FwEvidence, evidence)
FW_DECLARE_ENUM_TABLE (FwCondition, condition)
FW_DECLARE_ENUM_TABLE (FwQuestion, question)
FW_DECLARE_ENUM_TABLE (FwAnswer, answer)
FW_DECLARE_ENUM_TABLE (FwLevel, level)
FW_DECLARE_ENUM_TABLE (FwStageState, stage_state)
FW_DECLARE_ENUM_TABLE (FwVerdict, verdict)
FW_DECLARE_ENUM_TABLE (FwRole, role)
FW_DECLARE_ENUM_TABLE (FwDecision, decision)

/* Longer texts for the UI, reports and diagrams (all translated). */
/* The task's name as it reads inside a sentence ("regression"), translated. */
const char *fw_task_in_sentence        (FwTask task);
const char *fw_task_description        (FwTask task);
const char *fw_task_example            (FwTask task);
const char *fw_evidence_description    (FwEvidence evidence);
double      fw_evidence_weight         (FwEvidence evidence);
const char *fw_stage_question          (FwStage stage);
const char *fw_stage_short_label       (FwStage stage);
/* Whether the stage's label takes a plural verb in a sentence ("Users and traffic
 * hold"): the rules' sentences about a stage come in both numbers. */
gboolean    fw_stage_label_is_plural   (FwStage stage);
const char *fw_stage_losing_case       (FwStage stage);
const char *fw_condition_description   (FwCondition condition);
const char *fw_question_description    (FwQuestion question);
const char *fw_applicability_symbol    (FwApplicability applicability);
const char *fw_level_symbol            (FwLevel level);
int         fw_level_points            (FwLevel level);

G_END_DECLS
