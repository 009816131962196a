/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "fw-idea.h"

G_BEGIN_DECLS

/* What the rules concluded about one idea. Immutable once made; a pure
 * function of the idea (and of the current translation, for the texts). */

typedef enum
{
  FW_REASON_SUPPORTS,  /* lifts a stage: evidence, a win condition, an answer that lifts a lose condition */
  FW_REASON_WEAKENS,   /* keeps a stage weak or unanswered */
  FW_REASON_BREAKS,    /* cuts the loop at a stage */
} FwReasonKind;

typedef struct
{
  int           stage;  /* an FwStage, or -1 for the idea as a whole */
  FwReasonKind  kind;
  char         *text;   /* translated, a full sentence */
} FwReason;

#define FW_TYPE_ASSESSMENT (fw_assessment_get_type ())
typedef struct _FwAssessment FwAssessment;

GType          fw_assessment_get_type          (void) G_GNUC_CONST;

FwAssessment  *fw_assessment_new               (FwIdea        *idea);
FwAssessment  *fw_assessment_ref               (FwAssessment  *self);
void           fw_assessment_unref             (FwAssessment  *self);

FwStageState   fw_assessment_get_stage_state   (const FwAssessment *self,
                                                FwStage        stage);
FwVerdict      fw_assessment_get_verdict       (const FwAssessment *self);
/* 0–100: how far the loop turns. */
int            fw_assessment_get_score         (const FwAssessment *self);
/* importance + urgency + ML value (高=3 中=2 低=1): 3–9, or 0 while any is unrated. */
int            fw_assessment_get_poc_priority  (const FwAssessment *self);

guint          fw_assessment_get_n_reasons     (const FwAssessment *self);
const FwReason *fw_assessment_get_reason       (const FwAssessment *self,
                                                guint          index);
/* The first reason that breaks @stage, or NULL. */
const FwReason *fw_assessment_get_break_reason (const FwAssessment *self,
                                                FwStage        stage);
/* What would move the verdict: NULL-terminated, translated sentences. */
const char * const *fw_assessment_get_advice   (const FwAssessment *self);

/* The win condition (an FwCondition) that lifted @stage one level, or -1. */
int            fw_assessment_get_lifted_by     (const FwAssessment *self,
                                                FwStage        stage);
/* The stage's state as the diagram labels it: "Holds · Estimates and plans",
 * "Strong · Anecdotal evidence, lifted by personalization", "Broken". Free
 * with g_free(). */
char          *fw_assessment_dup_state_text    (const FwAssessment *self,
                                                FwStage        stage);
/* The most telling reasons, in the assessment's order: one for each stage that
 * is not simply "holds" (what breaks it, keeps it weak or lifted it) and every
 * idea-wide one that keeps the verdict down, then more (breaks, weakens,
 * supports) up to @max in all. Returns (transfer container): const FwReason *,
 * owned by @self. */
GPtrArray     *fw_assessment_pick_reasons      (const FwAssessment *self,
                                                guint          max);

/* The one wording of the verdict · score · PoC priority line, used by the
 * window, the portfolio, the report, the slides, Markdown and the CLI.
 * "7 of 9", or "not rated yet" for 0. */
char          *fw_format_poc_priority          (int            priority);
/* "Winning pattern · score 72 · PoC priority 7 of 9"; with @priority -1
 * without the priority: "Winning pattern · score 72". */
char          *fw_format_summary               (FwVerdict      verdict,
                                                int            score,
                                                int            priority);
/* The line under the verdict where the verdict is shown on its own (the idea
 * page): "Flywheel score 72 of 100 · PoC priority 7 of 9". */
char          *fw_format_score_line            (int            score,
                                                int            priority);
/* fw_format_summary() of this assessment, priority included. */
char          *fw_assessment_format_summary    (const FwAssessment *self);

/* One line for screen readers and tooltips: "Customer experience holds
 * (estimates and plans); users and traffic break: users would not miss the
 * feature; …". Free with g_free(). */
char          *fw_assessment_describe          (const FwAssessment *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FwAssessment, fw_assessment_unref)

G_END_DECLS
