/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "fw-enums.h"
#include "fw-text.h"
#include "fw-case.h"
#include "fw-idea.h"
#include "fw-member.h"
#include "fw-member-assessment.h"
#include "fw-collect.h"
#include "fw-merge.h"
#include "fw-team.h"
#include "fw-history.h"
#include "fw-workbook.h"
#include "fw-workbook-io.h"
#include "fw-assessment.h"
#include "fw-steps.h"
#include "fw-drafts.h"
#include "fw-document.h"
