/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "fw-enums.h"

G_BEGIN_DECLS

/* The idea's free-text fields. Each is also a GObject property named by
 * fw_idea_text_property_name(). */
typedef enum
{
  FW_IDEA_ID,
  FW_IDEA_TITLE,
  FW_IDEA_AS_A,              /* As a …                          */
  FW_IDEA_I_WANT,            /* I want …                        */
  FW_IDEA_SO_THAT,           /* so that …                       */
  FW_IDEA_CUSTOMER,          /* 自社の顧客の定義                  */
  FW_IDEA_INPUT_DATA,        /* use case: input data → ML →    */
  FW_IDEA_OUTPUT_DATA,       /*           … → output data       */
  FW_IDEA_IMPORTANCE_REASON,
  FW_IDEA_URGENCY_REASON,
  FW_IDEA_ML_VALUE_REASON,
  FW_IDEA_CONCERNS,
  FW_IDEA_BLOCKERS,
  FW_IDEA_NOTES,             /* 備考                              */
  FW_IDEA_EVENT_STORMING_URL,/* 勝ちパターンの成立 (Event Storming URL) */
  FW_N_IDEA_TEXTS
} FwIdeaText;

typedef enum
{
  FW_PRIORITY_IMPORTANCE,
  FW_PRIORITY_URGENCY,
  FW_PRIORITY_ML_VALUE,
  FW_N_PRIORITIES
} FwPriority;

/* One member's judgement of an idea: fw-member-assessment.h. */
typedef struct _FwMemberAssessment FwMemberAssessment;

#define FW_TYPE_IDEA (fw_idea_get_type ())
G_DECLARE_FINAL_TYPE (FwIdea, fw_idea, FW, IDEA, GObject)

FwIdea      *fw_idea_new                   (void);
/* For the file loader, which sets each field once on a new idea: no id yet, and no
 * notifications until fw_idea_loaded(), which gives it a new id when the file had
 * none. Nobody may watch the idea before that. */
FwIdea      *fw_idea_new_for_loading       (void);
void         fw_idea_loaded                (FwIdea       *self);
FwIdea      *fw_idea_copy                  (FwIdea       *self);
/* A copy, id included, without the team's assessments and the decision: the idea
 * itself, as a member's view or a duplicate starts from it. */
FwIdea      *fw_idea_dup_without_team      (FwIdea       *self);
gboolean     fw_idea_equal                 (FwIdea       *a,
                                            FwIdea       *b);
/* Marks the property changes between begin and end as one action, however long
 * the handlers they notify take: undo (FwHistory) takes them back as one step.
 * Nests; fw_idea_get_action() is 0 outside an action, a number of its own inside. */
void         fw_idea_begin_action          (FwIdea       *self);
void         fw_idea_end_action            (FwIdea       *self);
guint        fw_idea_get_action            (FwIdea       *self);

const char  *fw_idea_get_text              (FwIdea       *self,
                                            FwIdeaText    field);
void         fw_idea_set_text              (FwIdea       *self,
                                            FwIdeaText    field,
                                            const char   *text);
const char  *fw_idea_get_id                (FwIdea       *self);
const char  *fw_idea_get_title             (FwIdea       *self);
/* The stripped title, or "Untitled idea" (translated). Free with g_free(). */
char        *fw_idea_dup_display_title     (FwIdea       *self);
void         fw_idea_set_title             (FwIdea       *self,
                                            const char   *title);

FwTask       fw_idea_get_task              (FwIdea       *self);
void         fw_idea_set_task              (FwIdea       *self,
                                            FwTask        task);
FwApplicability fw_idea_get_applicability  (FwIdea       *self);
void         fw_idea_set_applicability     (FwIdea       *self,
                                            FwApplicability applicability);

const char  *fw_idea_get_why               (FwIdea       *self,
                                            FwStage       stage);
void         fw_idea_set_why               (FwIdea       *self,
                                            FwStage       stage,
                                            const char   *why);
FwEvidence   fw_idea_get_evidence          (FwIdea       *self,
                                            FwStage       stage);
void         fw_idea_set_evidence          (FwIdea       *self,
                                            FwStage       stage,
                                            FwEvidence    evidence);

gboolean     fw_idea_get_condition         (FwIdea       *self,
                                            FwCondition   condition);
void         fw_idea_set_condition         (FwIdea       *self,
                                            FwCondition   condition,
                                            gboolean      ticked);
const char  *fw_idea_get_condition_note    (FwIdea       *self,
                                            FwCondition   condition);
void         fw_idea_set_condition_note    (FwIdea       *self,
                                            FwCondition   condition,
                                            const char   *note);

FwAnswer     fw_idea_get_answer            (FwIdea       *self,
                                            FwQuestion    question);
void         fw_idea_set_answer            (FwIdea       *self,
                                            FwQuestion    question,
                                            FwAnswer      answer);

FwLevel      fw_idea_get_priority          (FwIdea       *self,
                                            FwPriority    which);
void         fw_idea_set_priority          (FwIdea       *self,
                                            FwPriority    which,
                                            FwLevel       level);

const char * const *fw_idea_get_case_ids   (FwIdea       *self);
void         fw_idea_set_case_ids          (FwIdea       *self,
                                            const char * const *ids);

/* The judgement fields: per stage the evidence and why, the conditions and
 * their notes, the answers, the priorities with their reasons, concerns and
 * blockers. Gives @self those of @other (the one list of what a team member
 * judges; fw-member-assessment.h). */
void         fw_idea_set_judgement_from    (FwIdea       *self,
                                            FwIdea       *other);
/* Orders two ideas by their judgement fields alone: 0 when they judge alike. */
int          fw_idea_compare_judgement     (FwIdea       *a,
                                            FwIdea       *b);

/* The team's assessments of the idea, one per member (FwMemberAssessment), in
 * file order. Read only: change it with the functions below. */
GListModel  *fw_idea_get_assessments       (FwIdea       *self);
guint        fw_idea_get_n_assessments     (FwIdea       *self);
FwMemberAssessment *fw_idea_find_assessment (FwIdea      *self,
                                            const char   *member_id,
                                            guint        *position);
/* Puts @assessment (a reference is taken) in place of the one of the same member,
 * or appends it. */
void         fw_idea_set_assessment        (FwIdea       *self,
                                            FwMemberAssessment *assessment);
void         fw_idea_remove_assessment     (FwIdea       *self,
                                            guint         position);

/* The PM's decision after the team round, its rationale and date (ISO 8601, a
 * day: "2026-12-01", or ""). */
FwDecision   fw_idea_get_decision          (FwIdea       *self);
void         fw_idea_set_decision          (FwIdea       *self,
                                            FwDecision    decision);
const char  *fw_idea_get_decision_rationale (FwIdea      *self);
void         fw_idea_set_decision_rationale (FwIdea      *self,
                                            const char   *rationale);
const char  *fw_idea_get_decision_date     (FwIdea       *self);
void         fw_idea_set_decision_date     (FwIdea       *self,
                                            const char   *date);

/* Whether the PM revealed the members' assessments of the idea to everyone: until
 * then each member sees only their own (the team round is blind). Not an edit to
 * undo: no property, but "changed" is emitted. */
gboolean     fw_idea_get_revealed          (FwIdea       *self);
void         fw_idea_set_revealed          (FwIdea       *self,
                                            gboolean      revealed);

/* Members of the file's object that this version does not know; kept and
 * written back so a newer app's data survives a round trip through this one. */
JsonObject  *fw_idea_get_extra             (FwIdea       *self);
void         fw_idea_set_extra             (FwIdea       *self,
                                            JsonObject   *extra);

/* Property names, for binding: "title", "why-customer-experience",
 * "evidence-data", "condition-full-accuracy", "condition-note-scalability",
 * "answer-human-fallback", "importance", … */
const char  *fw_idea_text_property_name    (FwIdeaText    field);
const char  *fw_idea_why_property_name     (FwStage       stage);
const char  *fw_idea_evidence_property_name (FwStage      stage);
const char  *fw_idea_condition_property_name (FwCondition condition);
const char  *fw_idea_condition_note_property_name (FwCondition condition);
const char  *fw_idea_answer_property_name  (FwQuestion    question);
const char  *fw_idea_priority_property_name (FwPriority   which);

/* A number that grows with every change to the idea, unknown members and the
 * team's assessments included. */
guint64      fw_idea_get_revision          (FwIdea       *self);

G_END_DECLS
