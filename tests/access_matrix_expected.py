"""What each role gets on each URL of the role × URL matrix (tests/test_access_matrix.py), by route name.

A row is roles(default, role=cell...): every role gets `default` unless named. A cell is a status (200, 403, 404,
405, and 401 for JSON endpoints), LOGIN (302 to the login page) or REDIRECT (302 elsewhere), or
by(default, label=status...) when the answer depends on the object in the URL.
Object labels (built in test_access_matrix.build_world):

- people: learner_a and learner_b in team a1, learner_a2 in team a2 (organisation A, manager_a manages a1 and a2,
  trainer_a trains a1); learner_c in b1, learner_d in b2 (organisation B, manager_b, trainer_b trains b1);
  lead (lead trainer), admin, anonymous. Trainer B owns the course page, which gives no reading scope.
- journal entries: a_private, a_shared (no course, feedback by trainer A), b_shared (linked to trainer B's course),
  c_shared (no course, feedback by trainer B);
- case attempts a, b, c on shared_case, c_org_b_case on org_b_case (played only by learner C); quiz attempts a, b
  (submitted), c_in_progress; team-journal sessions a1_closed, b1_open and contributions a, c; live sessions
  by_trainer_a (learner A and a guest voted) and by_trainer_b; certificates a, c; H5P activities in_lesson (in a
  live lesson) and unused.

Every row encodes the intended rule (issue 21: scope from explicit links, consent, signed player URLs).
"""

ROLES = (
    "anonymous",
    "learner_a",
    "learner_b",
    "learner_c",
    "trainer_a",
    "trainer_b",
    "manager_a",
    "manager_b",
    "lead",
    "admin",
)
ANY = "*"  # the default of a by() cell
LOGIN = "login"
REDIRECT = "redirect"
OK, SIGNED_OUT, DENIED, NOT_FOUND, GET_REFUSED = 200, 401, 403, 404, 405
REFUSED = 409  # a document the record does not allow yet (attestation before completion): the reason on a page


def by(default, **labels):
    """A cell that depends on the object in the URL: `default`, except for the labelled objects."""
    return {ANY: default, **labels}


def roles(default, **cells):
    unknown = set(cells) - set(ROLES)
    assert not unknown, f"unknown roles {unknown}"
    return {role: cells.get(role, default) for role in ROLES}


# Shapes that come back often.
LOGGED_IN = roles(OK, anonymous=LOGIN)
POST_ONLY = roles(GET_REFUSED, anonymous=LOGIN)  # login_required, then require_POST
POST_ONLY_PUBLIC = roles(GET_REFUSED)  # require_POST before any login check
TRAINERS = roles(DENIED, anonymous=LOGIN, trainer_a=OK, trainer_b=OK, lead=OK, admin=OK)
# Team pages for managers: their own organisation's teams; administrators see every team.
ORG_A_TEAMS = by(OK, b1=NOT_FOUND, b2=NOT_FOUND)
ORG_B_TEAMS = by(NOT_FOUND, b1=OK, b2=OK)
MANAGERS = roles(DENIED, anonymous=LOGIN, manager_a=ORG_A_TEAMS, manager_b=ORG_B_TEAMS, admin=OK)
MEMBERS_A = by(OK, b1_learner_c=NOT_FOUND, b2_learner_d=NOT_FOUND)
MEMBERS_B = by(NOT_FOUND, b1_learner_c=OK, b2_learner_d=OK)
MEMBER_PAGES = roles(DENIED, anonymous=LOGIN, manager_a=MEMBERS_A, manager_b=MEMBERS_B, admin=OK)
# Evidence of an assigned course: the course is assigned to teams a1 and b1 only.
ASSIGNED_EVIDENCE = roles(
    DENIED,
    anonymous=LOGIN,
    manager_a=by(OK, b1_learner_c=NOT_FOUND),
    manager_b=by(NOT_FOUND, b1_learner_c=OK),
    admin=OK,
)
# The project's read-only admin viewsets (certificates, reminders): administrators look, nobody changes; trainers
# enter the admin but Wagtail sends them back to its home page; learners and managers are refused at /admin/.
ADMIN_READ = roles(DENIED, anonymous=LOGIN, trainer_a=REDIRECT, trainer_b=REDIRECT, lead=REDIRECT, admin=OK)
ADMIN_CHANGE = roles(DENIED, anonymous=LOGIN, trainer_a=REDIRECT, trainer_b=REDIRECT, lead=REDIRECT, admin=REDIRECT)
# Views of a viewset only administrators use (its permission policy): trainers are sent back to the admin home.
ADMIN_ONLY = roles(DENIED, anonymous=LOGIN, trainer_a=REDIRECT, trainer_b=REDIRECT, lead=REDIRECT, admin=OK)
LTI_PLATFORM_VIEWS = ("index", "index_results", "add", "edit", "delete", "history", "history_results", "usage")
# A module review's decision is POST only; learners and managers are refused at /admin/ first.
MODULE_DECISION = roles(
    DENIED, anonymous=LOGIN, trainer_a=GET_REFUSED, trainer_b=GET_REFUSED, lead=GET_REFUSED, admin=GET_REFUSED
)
# A learner's own records (entries, attempts, enrolments): the owner only, 404 for everyone else.
OWN_ENTRY = roles(
    NOT_FOUND,
    anonymous=LOGIN,
    learner_a=by(NOT_FOUND, a_private=OK, a_shared=OK),
    learner_b=by(NOT_FOUND, b_shared=OK),
    learner_c=by(NOT_FOUND, c_shared=OK),
)
# Live sessions: the presenter screen for the trainer who launched it.
OWN_SESSION = roles(
    DENIED,
    anonymous=LOGIN,
    trainer_a=by(OK, by_trainer_b=NOT_FOUND),
    trainer_b=by(NOT_FOUND, by_trainer_b=OK),
    lead=NOT_FOUND,
    admin=NOT_FOUND,
)
# Summaries and exports: the session's trainer and administrators (LiveSession.objects.visible_to).
SESSION_RESULTS = {**OWN_SESSION, "admin": OK}
# Team journal: participants of the team (members, its managers, its trainers); others 404.
TEAM_SESSION_READ = roles(
    by(OK, b1_open=NOT_FOUND),
    anonymous=LOGIN,
    learner_c=by(NOT_FOUND, b1_open=OK),
    trainer_b=by(NOT_FOUND, b1_open=OK),
    manager_b=by(NOT_FOUND, b1_open=OK),
    lead=NOT_FOUND,
    admin=NOT_FOUND,
)
# Exports need a closed session: an open one sends its participants back to the session page.
TEAM_SESSION_EXPORT = {
    **TEAM_SESSION_READ,
    **{role: by(NOT_FOUND, b1_open=REDIRECT) for role in ("learner_c", "trainer_b", "manager_b")},
}

EXPECTED = {
    # --- Project views in the Wagtail admin (teams/wagtail_hooks.py): certificates and reminders ------------------
    "teams_certificats:index": ADMIN_READ,
    "teams_certificats:index_results": ADMIN_READ,
    "teams_certificats:inspect": ADMIN_READ,
    "teams_certificats:add": ADMIN_CHANGE,
    "teams_certificats:edit": ADMIN_CHANGE,
    "teams_certificats:delete": ADMIN_CHANGE,
    "teams_certificats:history": ADMIN_CHANGE,
    "teams_certificats:history_results": ADMIN_CHANGE,
    "teams_certificats:usage": ADMIN_CHANGE,
    "teams_rappels:index": ADMIN_READ,
    "teams_rappels:index_results": ADMIN_READ,
    "teams_rappels:inspect": ADMIN_READ,
    "teams_rappels:add": ADMIN_CHANGE,
    "teams_rappels:edit": ADMIN_CHANGE,
    "teams_rappels:delete": ADMIN_CHANGE,
    "teams_rappels:history": ADMIN_CHANGE,
    "teams_rappels:history_results": ADMIN_CHANGE,
    "teams_rappels:usage": ADMIN_CHANGE,
    # --- LTI platforms (lti/wagtail_hooks.py): registering one lets it log people in, so administrators only ----
    **{f"lti_plateformes:{name}": ADMIN_ONLY for name in LTI_PLATFORM_VIEWS},
    # --- Module reviews (courses/admin_views.py): trainers submit the modules in their scope (trainer B wrote the
    # course), the submitter reads their review, lead trainers and administrators decide (POST only).
    "courses_module_reviews:list": roles(DENIED, anonymous=LOGIN, lead=OK, admin=OK),
    "courses_module_reviews:submit": roles(DENIED, anonymous=LOGIN, trainer_b=OK, lead=OK, admin=OK),
    "courses_module_reviews:detail": roles(DENIED, anonymous=LOGIN, trainer_b=OK, lead=OK, admin=OK),
    "courses_module_reviews:approve": MODULE_DECISION,
    "courses_module_reviews:reject": MODULE_DECISION,
    # --- Accounts, Mon espace, health -----------------------------------------------------------------------------
    "account_profile": LOGGED_IN,
    "account_download_data": LOGGED_IN,  # one's own data only: no object in the URL
    "account_delete": LOGGED_IN,
    "account_home": roles(REDIRECT, anonymous=LOGIN),
    "switch_language": POST_ONLY_PUBLIC,
    # Single sign-on's « Relier votre compte »: without a provider's login waiting in the session, nothing to show.
    "account_sso_link": roles(REDIRECT, anonymous=LOGIN),
    "account_welcome": roles(OK),  # the imported account's one link: its form, or « Ce lien ne fonctionne plus »
    "my_space": LOGGED_IN,
    "search": LOGGED_IN,
    "health": roles(OK),  # the public answer says ok/erreur only and writes nothing; details need a token
    # --- Personal journal (reflections) ---------------------------------------------------------------------------
    "reflections:journal": LOGGED_IN,
    "reflections:new": LOGGED_IN,
    # The editor's background calls answer JSON, never a redirect to the login form (the editor must know).
    "reflections:autosave_new": POST_ONLY_PUBLIC,
    "reflections:editor_token": roles(OK, anonymous=SIGNED_OUT),
    "reflections:shared": roles(DENIED, anonymous=LOGIN, trainer_a=OK, trainer_b=OK, lead=OK),
    "reflections:export_pdf": LOGGED_IN,  # the requester's own journal
    "reflections:export_markdown": LOGGED_IN,
    # The author; trainers once shared: an entry without course is read by every trainer, whatever their team or
    # organisation; an entry linked to a course only by the course's authors. Managers and admins never.
    "reflections:detail": {
        **OWN_ENTRY,
        # Trainers read shared entries only through an explicit link: trainer A trains team a1 (learners A and B),
        # trainer B trains b1 (learner C). Owning the course page of b_shared gives trainer B nothing, and a lead
        # trainer without a link reads no journal: sharing is not publishing.
        "trainer_a": by(NOT_FOUND, a_shared=OK, b_shared=OK),
        "trainer_b": by(NOT_FOUND, c_shared=OK),
        "lead": NOT_FOUND,
    },
    "reflections:edit": OWN_ENTRY,
    "reflections:share": OWN_ENTRY,
    "reflections:delete": OWN_ENTRY,
    "reflections:autosave": POST_ONLY_PUBLIC,
    "reflections:feedback": POST_ONLY,
    "reflections:unshare": POST_ONLY,
    # --- Team journal (analyse de pratiques) -----------------------------------------------------------------------
    "reflections:team_index": LOGGED_IN,
    # Facilitators (the team's trainers and managers) open sessions; members get 403; everyone else 404.
    "reflections:team_session_new": roles(
        NOT_FOUND,
        anonymous=LOGIN,
        learner_a=by(NOT_FOUND, a1=DENIED),
        learner_b=by(NOT_FOUND, a1=DENIED),
        learner_c=by(NOT_FOUND, b1=DENIED),
        trainer_a=by(NOT_FOUND, a1=OK),
        trainer_b=by(NOT_FOUND, b1=OK),
        manager_a=ORG_A_TEAMS,
        manager_b=ORG_B_TEAMS,
    ),
    "reflections:team_session": TEAM_SESSION_READ,
    # Closing: facilitators (a1_closed is already closed: back to the session page); members 403.
    "reflections:team_session_close": {
        **TEAM_SESSION_READ,
        "learner_a": by(DENIED, b1_open=NOT_FOUND),
        "learner_b": by(DENIED, b1_open=NOT_FOUND),
        "learner_c": by(NOT_FOUND, b1_open=DENIED),
        "trainer_a": by(REDIRECT, b1_open=NOT_FOUND),
        "manager_a": by(REDIRECT, b1_open=NOT_FOUND),
    },
    "reflections:team_export_pdf": TEAM_SESSION_EXPORT,
    "reflections:team_export_markdown": TEAM_SESSION_EXPORT,
    "reflections:team_contribute": POST_ONLY,
    "reflections:team_hide": POST_ONLY,
    "reflections:team_unhide": POST_ONLY,
    # --- Cases ------------------------------------------------------------------------------------------------------
    "cases:index": roles(REDIRECT, anonymous=LOGIN),  # to the "Cas pratiques" page
    "cases:start": POST_ONLY_PUBLIC,
    # Own attempts only; a finished attempt's play page sends to its debrief.
    "cases:play": roles(
        NOT_FOUND,
        anonymous=LOGIN,
        learner_a=by(NOT_FOUND, a=REDIRECT),
        learner_b=by(NOT_FOUND, b=REDIRECT),
        learner_c=by(NOT_FOUND, c=REDIRECT, c_org_b_case=REDIRECT),
    ),
    "cases:debrief": roles(
        NOT_FOUND,
        anonymous=LOGIN,
        learner_a=by(NOT_FOUND, a=OK),
        learner_b=by(NOT_FOUND, b=OK),
        learner_c=by(NOT_FOUND, c=OK, c_org_b_case=OK),
    ),
    # Reasoning reports: a trainer reads their teams' learners (404 where none played); lead and admin everyone.
    # Trainer B reads shared_case (200) only for learner C, whom they train: writing the course gives nothing more.
    "cases:report": {**TRAINERS, "trainer_a": by(OK, org_b_case=NOT_FOUND)},
    "cases:report_csv": {**TRAINERS, "trainer_a": by(OK, org_b_case=NOT_FOUND)},
    # --- Courses ----------------------------------------------------------------------------------------------------
    "courses:enrol": POST_ONLY,
    "courses:resume": roles(REDIRECT, anonymous=LOGIN),
    "courses:complete_lesson": POST_ONLY,
    "courses:heartbeat": POST_ONLY,
    "courses:enrolment_detail": roles(
        NOT_FOUND,
        anonymous=LOGIN,
        learner_a=by(NOT_FOUND, a=OK),
        learner_b=by(NOT_FOUND, b=OK),
        learner_c=by(NOT_FOUND, c=OK),
    ),
    "courses:my_courses": LOGGED_IN,
    "catalogue": roles(OK),
    # Wagtail pages by page.url: public content, except lessons (enrolled learners and trainers; 403 otherwise).
    "wagtail_serve": roles(
        OK, anonymous=by(OK, lesson=LOGIN), manager_a=by(OK, lesson=DENIED), manager_b=by(OK, lesson=DENIED)
    ),
    # --- Teams: managers' dashboards, members, exports --------------------------------------------------------------
    "teams:index": roles(DENIED, anonymous=LOGIN, manager_a=OK, manager_b=OK, admin=OK),
    "teams:dashboard": MANAGERS,
    "teams:matrix_export": MANAGERS,
    "teams:invite": MANAGERS,
    "teams:import": MANAGERS,
    "teams:assign": MANAGERS,
    # GET: the confirmation page (who will be reminded); the reminder itself needs the POST.
    "teams:remind": roles(
        DENIED, anonymous=LOGIN, manager_a=by(OK, b1=NOT_FOUND), manager_b=by(NOT_FOUND, b1=OK), admin=OK
    ),
    "teams:members": MANAGERS,
    # POST only: the role is checked first, then the method (the team's scope is checked on POST).
    "teams:diploma": roles(DENIED, anonymous=LOGIN, manager_a=GET_REFUSED, manager_b=GET_REFUSED, admin=GET_REFUSED),
    "teams:remove_member": MEMBER_PAGES,  # GET: the confirmation page
    "teams:member": MEMBER_PAGES,
    "teams:member_export": MEMBER_PAGES,
    "teams:member_evidence": ASSIGNED_EVIDENCE,
    # Only the invited address may answer: any other signed-in account gets a clear 403 page (anonymous: the
    # page asks to log in or sign up with that address).
    "teams:invitation": roles(DENIED, anonymous=OK),
    "teams:preferences": LOGGED_IN,
    # --- Certificates and evidence: the learner's own; verification is public ----------------------------------------
    "teams:certificate_download": roles(
        NOT_FOUND, anonymous=LOGIN, learner_a=by(NOT_FOUND, a=OK), learner_c=by(NOT_FOUND, c=OK)
    ),
    # Learners A and C completed the module; B is enrolled and is told why the attestation is not issued yet.
    "teams:certificate_for_course": roles(NOT_FOUND, anonymous=LOGIN, learner_a=OK, learner_b=REFUSED, learner_c=OK),
    "teams:own_evidence": roles(NOT_FOUND, anonymous=LOGIN, learner_a=OK, learner_b=OK, learner_c=OK),  # enrolled
    "teams:certificate_verify_form": roles(OK),
    "teams:certificate_verify": roles(OK),
    # --- H5P: trainers play everything; others what a live lesson they may see embeds (enrolment not checked) ---------
    "h5p:activity": roles(
        by(REDIRECT, unused=DENIED),
        anonymous=LOGIN,
        trainer_a=REDIRECT,
        trainer_b=REDIRECT,
        lead=REDIRECT,
        admin=REDIRECT,
    ),
    "h5p:content_root": roles(NOT_FOUND),  # the folder itself lists nothing
    # The player and its files answer to a signed, short-lived URL issued to one learner for one activity (the
    # sandboxed player has no session): whoever holds it gets the content, a forged token nothing.
    "h5p:player": roles(by(OK, forged_token=NOT_FOUND)),
    "h5p:content_file": roles(by(OK, forged_token=NOT_FOUND)),
    "h5p:library_file": roles(by(OK, forged_token=NOT_FOUND)),
    "h5p:libraries_root": roles(NOT_FOUND),
    "h5p:statements": POST_ONLY_PUBLIC,
    # --- SCORM: like H5P; a module's files answer to a signed URL for one learner, one module, one attempt ----------
    "scorm:activity": roles(by(OK, unused=DENIED), anonymous=LOGIN, trainer_a=OK, trainer_b=OK, lead=OK, admin=OK),
    "scorm:player_file": roles(by(OK, forged_token=NOT_FOUND)),
    "scorm:commit": POST_ONLY_PUBLIC,
    # --- LTI 1.3 (lti/views.py): public, a platform calls them, but only a valid flow gets further -------------------
    "lti:jwks": roles(OK),  # the tool's public key set
    "lti:login": roles(400),  # login initiation without a registered issuer: « Lancement LTI refusé »
    "lti:launch": POST_ONLY_PUBLIC,  # the platform posts the signed id_token
    # Import a platform course's learners (NRPS) into a team: its managers (administrators: all) and its trainers.
    "lti:team_import": roles(
        DENIED,
        anonymous=LOGIN,
        manager_a=ORG_A_TEAMS,
        manager_b=ORG_B_TEAMS,
        admin=OK,
        trainer_a=by(NOT_FOUND, a1=OK),
        trainer_b=by(NOT_FOUND, b1=OK),
        lead=NOT_FOUND,
    ),
    "lti:deep_link": roles(DENIED),  # the content picker opens only after a teacher's Deep Linking launch
    # --- Quizzes ------------------------------------------------------------------------------------------------------
    "quizzes:start": POST_ONLY_PUBLIC,
    # Own attempts only; a submitted attempt sends to its results, an unsubmitted one's results to the attempt.
    "quizzes:attempt": roles(
        NOT_FOUND,
        anonymous=LOGIN,
        learner_a=by(NOT_FOUND, a=REDIRECT),
        learner_b=by(NOT_FOUND, b=REDIRECT),
        learner_c=by(NOT_FOUND, c_in_progress=OK),
    ),
    "quizzes:result": roles(
        NOT_FOUND,
        anonymous=LOGIN,
        learner_a=by(NOT_FOUND, a=OK),
        learner_b=by(NOT_FOUND, b=OK),
        learner_c=by(NOT_FOUND, c_in_progress=REDIRECT),
    ),
    "quizzes:trainer_list": TRAINERS,
    # Only organisation A's learners submitted the quiz: trainer B reads them because their course embeds it.
    # Scope from explicit assignments, not authorship: trainer B wrote the course but is not its course trainer.
    "quizzes:trainer_report": {**TRAINERS, "trainer_b": NOT_FOUND},
    "quizzes:report_csv": {**TRAINERS, "trainer_b": NOT_FOUND},
    "quizzes:report_xlsx": {**TRAINERS, "trainer_b": NOT_FOUND},
    "quizzes:item_analysis_csv": {**TRAINERS, "trainer_b": NOT_FOUND},
    "quizzes:moodle_import": TRAINERS,
    "quizzes:moodle_export": TRAINERS,
    # --- Live debriefs: joining is public by code; the state endpoint answers participants only ---------------------
    "debrief:join": roles(OK),
    "debrief:room": roles(OK),  # the room, or the choice of how to join
    "debrief:state": roles(DENIED, learner_a=by(OK, by_trainer_b=DENIED)),
    "debrief:enter": POST_ONLY_PUBLIC,
    "debrief:vote": POST_ONLY_PUBLIC,
    "debrief:launch": POST_ONLY_PUBLIC,
    "debrief:replay": POST_ONLY_PUBLIC,
    "debrief:case_sessions": TRAINERS,  # lists only the sessions each trainer may see
    "debrief:presenter": OWN_SESSION,
    "debrief:presenter_state": OWN_SESSION,
    "debrief:summary": SESSION_RESULTS,
    "debrief:summary_csv": SESSION_RESULTS,
    "debrief:summary_pdf": SESSION_RESULTS,
}
