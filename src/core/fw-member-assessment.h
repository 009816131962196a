/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "fw-assessment.h"
#include "fw-idea.h"

G_BEGIN_DECLS

/* One member's own judgement of one idea in the team round, kept in the idea
 * (fw_idea_get_assessments()) and named there by the member's id.
 *
 * The judgement is an FwIdea of which only the judgement fields count (see
 * fw_idea_set_judgement_from()): per stage the evidence level and why, the
 * conditions with their notes, the follow-up answers, importance, urgency and
 * ML value with their reasons, concerns and blockers. Its property names are
 * the idea's, so an editor binds to it as to an idea. The rules read it through
 * fw_member_assessment_dup_view(): the idea as this member judges it. */

#define FW_TYPE_MEMBER_ASSESSMENT (fw_member_assessment_get_type ())
G_DECLARE_FINAL_TYPE (FwMemberAssessment, fw_member_assessment, FW, MEMBER_ASSESSMENT, GObject)

FwMemberAssessment *fw_member_assessment_new        (const char         *member_id);
FwMemberAssessment *fw_member_assessment_copy       (FwMemberAssessment *self);
/* Equal in everything the app knows, the time included. */
gboolean     fw_member_assessment_equal             (FwMemberAssessment *a,
                                                     FwMemberAssessment *b);
/* Orders two assessments by when they were made (an unreadable or missing time
 * first), then by their contents, so that of two versions of one member's
 * assessment the same one is always the later: < 0, 0 (equal) or > 0. */
int          fw_member_assessment_compare           (FwMemberAssessment *a,
                                                     FwMemberAssessment *b);

const char  *fw_member_assessment_get_member_id     (FwMemberAssessment *self);
void         fw_member_assessment_set_member_id     (FwMemberAssessment *self,
                                                     const char         *member_id);
/* When it was made or last changed: ISO 8601, UTC ("2026-12-01T09:30:00Z"), or "". */
const char  *fw_member_assessment_get_made          (FwMemberAssessment *self);
void         fw_member_assessment_set_made          (FwMemberAssessment *self,
                                                     const char         *made);
/* Sets "made" to the current time. */
void         fw_member_assessment_touch             (FwMemberAssessment *self);
const char  *fw_member_assessment_get_comment       (FwMemberAssessment *self);
void         fw_member_assessment_set_comment       (FwMemberAssessment *self,
                                                     const char         *comment);

/* The member's judgement (owned by @self). */
FwIdea      *fw_member_assessment_get_judgement     (FwMemberAssessment *self);
/* A copy of @idea with this member's judgement in place of the idea's own:
 * what the rules assess. */
FwIdea      *fw_member_assessment_dup_view          (FwMemberAssessment *self,
                                                     FwIdea             *idea);
/* The rules' conclusion for this member's view of @idea. */
FwAssessment *fw_member_assessment_assess           (FwMemberAssessment *self,
                                                     FwIdea             *idea);

/* Grows with every change, the judgement's included. */
guint64      fw_member_assessment_get_revision      (FwMemberAssessment *self);

/* The assessment object's members this version does not know (the judgement's
 * nested objects keep theirs in the judgement's extra). */
JsonObject  *fw_member_assessment_get_extra         (FwMemberAssessment *self);
void         fw_member_assessment_set_extra         (FwMemberAssessment *self,
                                                     JsonObject         *extra);

G_END_DECLS
