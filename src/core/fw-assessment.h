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

/* One line for screen readers and tooltips: "Customer experience holds
 * (estimates and plans); users and traffic break: users would not miss the
 * feature; …". Free with g_free(). */
char          *fw_assessment_describe          (const FwAssessment *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FwAssessment, fw_assessment_unref)

G_END_DECLS
