/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "fw-workbook.h"

G_BEGIN_DECLS

/* Collecting the team round: each member's assessments, from the copies of the
 * workbook the members filled in, into the team's workbook.
 *
 * - Assessments are matched by idea id and member id. Of two versions of one
 *   member's assessment of one idea the later (fw_member_assessment_compare())
 *   is kept; an assessment the team workbook lacks is added after the idea's
 *   others, in the order of the team's members.
 * - Nothing else of the team workbook changes: its ideas' own fields, the other
 *   members' assessments and the decisions stay; ideas a copy lacks (deleted
 *   there) are left alone.
 * - Members a copy knows and the team does not are added, ordered by name.
 * - Ideas a copy has and the team lacks are offered (fw_collect_get_new_idea()),
 *   not added.
 * - A copy of another workbook (fw_workbook_dup_identity() differs) is refused
 *   and nothing changes.
 * The result does not depend on the order of the copies, and collecting the
 * same copies again changes nothing. */

#define FW_COLLECT_ERROR (fw_collect_error_quark ())

typedef enum
{
  FW_COLLECT_ERROR_OTHER_WORKBOOK,  /* a copy of another workbook */
} FwCollectError;

GQuark       fw_collect_error_quark      (void);

typedef struct _FwCollect FwCollect;

/* What came in from one member (or, for new ideas no member assessed, from one
 * file: then member_id is NULL and name is the file's). */
typedef struct
{
  char  *member_id;
  char  *name;          /* the member's display name */
  guint  n_assessed;    /* ideas of the team workbook the copies hold this member's assessment of */
  guint  n_taken;       /* of those, how many were new or later than the team's */
  guint  n_new_ideas;   /* new ideas offered, credited to this member */
} FwCollectEntry;

/* @names name the @copies in messages. On error nothing in @team changes. */
FwCollect   *fw_collect                  (FwWorkbook         *team,
                                          FwWorkbook * const *copies,
                                          const char * const *names,
                                          guint               n_copies,
                                          GError            **error);
/* The same, knowing for each copy the version of the team workbook it was made
 * from (@bases[i], NULL where not known; fw_versions_find_base()). An idea a
 * copy has, the team lacks and that version had was deleted from the team
 * workbook since the copy was made: it is left out, not offered again
 * (fw_collect_get_left_out()). */
FwCollect   *fw_collect_with_bases       (FwWorkbook         *team,
                                          FwWorkbook * const *copies,
                                          FwWorkbook * const *bases,
                                          const char * const *names,
                                          guint               n_copies,
                                          GError            **error);
void         fw_collect_free             (FwCollect          *self);

/* Whether @team changed (an assessment or a member came in, or it got its id). */
gboolean     fw_collect_get_changed      (FwCollect          *self);

/* By name, then member id. */
guint        fw_collect_get_n_entries    (FwCollect          *self);
const FwCollectEntry *fw_collect_get_entry (FwCollect        *self,
                                          guint               index);

/* New ideas, each once (the version of the copy that assessed it last, with
 * every member's latest assessment), by title then id; owned by @self. */
guint        fw_collect_get_n_new_ideas  (FwCollect          *self);
FwIdea      *fw_collect_get_new_idea     (FwCollect          *self,
                                          guint               index);
/* The name of whoever offered it (an FwCollectEntry's name). */
const char  *fw_collect_get_new_idea_from (FwCollect         *self,
                                          guint               index);

/* The titles of the ideas left out as deleted from the team workbook since the
 * copies were made, by title (NULL-terminated, owned by @self). */
const char * const *fw_collect_get_left_out (FwCollect   *self);

/* "Aiko: 5 ideas assessed; Ben: 4 ideas assessed (1 collected before), 1 new
 * idea"; "…, all collected before" when nothing of a member's was new; or "Nothing to
 * collect" (translated). Free with g_free(). */
char        *fw_collect_format_summary   (FwCollect          *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FwCollect, fw_collect_free)

G_END_DECLS
