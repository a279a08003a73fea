;;; emacs-driver.el --- play an Emacs user against klar's language server  -*- lexical-binding: t -*-

;; emacs --batch -q -l tests/editors/emacs-driver.el
;;
;; Opens a document with the eglot configuration docs/editors.md gives users,
;; waits for klar's diagnostics in Flymake, and then either applies the preferred
;; quick fix from `eglot-code-actions' (KLAR_TARGET=rule-id@line) or types a line
;; into the buffer (KLAR_TYPE=text).  What the user would see goes to KLAR_OUT as
;; JSON; the vitest file judges it, so this script only reports.
;;
;; Environment: KLAR_SERVER_CMD (JSON array), KLAR_FILE, KLAR_OUT, KLAR_TARGET or
;; KLAR_TYPE, KLAR_SETTINGS (JSON, the client's settings), KLAR_WAIT_MS (how long
;; to wait for the server before giving up; a guard against hanging, not a speed
;; requirement).
;; `-q' rather than `-Q': Debian's site start-up is what makes elpa-eglot
;; loadable on Emacs 28; Emacs 29 and later have eglot built in.

(require 'cl-lib)
(require 'json)
(require 'eglot)
(require 'flymake)

(defvar klar-driver--result nil "Alist written to KLAR_OUT as JSON.")
(defvar klar-driver--publishes nil "Diagnostics of each publish for the file, newest first.")

(defconst klar-driver--file (expand-file-name (getenv "KLAR_FILE")))
(defconst klar-driver--wait (/ (string-to-number (or (getenv "KLAR_WAIT_MS") "60000")) 1000.0))

(defun klar-driver--set (key value)
  (setf (alist-get key klar-driver--result) value))

(defun klar-driver--finish (error-message)
  "Write the result and exit: 0 when the run got through, 2 on ERROR-MESSAGE."
  (when error-message (klar-driver--set 'error error-message))
  (klar-driver--set 'editor (format "emacs %s, eglot %s" emacs-version (klar-driver--eglot-version)))
  (let ((coding-system-for-write 'utf-8-unix)
        (json-encoding-pretty-print nil))
    (with-temp-file (getenv "KLAR_OUT")
      (insert (json-encode klar-driver--result))))
  (when error-message (message "emacs driver: %s" error-message))
  (kill-emacs (if error-message 2 0)))

(defun klar-driver--eglot-version ()
  "The eglot version from its package directory, or \"built-in\"."
  (let ((lib (locate-library "eglot")))
    (if (and lib (string-match "eglot-\\([0-9.]+\\)/" lib)) (match-string 1 lib) "built-in")))

(defun klar-driver--wait-until (predicate)
  "Let Emacs run (processes, timers, Flymake) until PREDICATE holds or the wait ends."
  (let ((deadline (+ (float-time) klar-driver--wait)))
    (while (and (not (funcall predicate)) (< (float-time) deadline))
      (when (bound-and-true-p flymake-mode) (flymake-start))
      (accept-process-output nil 0.05))
    (funcall predicate)))

;; Every publishDiagnostics for the file as the server sent it, so the negative
;; check can tell "the server looked and found nothing" from "it has not answered".
(cl-defmethod eglot-handle-notification :after
  (_server (_method (eql textDocument/publishDiagnostics)) &key uri diagnostics &allow-other-keys)
  (when (equal (expand-file-name (eglot--uri-to-path uri)) klar-driver--file)
    (push diagnostics klar-driver--publishes)))

;; The user configuration of docs/editors.md, with the server command injected.
;; Emacs 28 has no Markdown mode of its own; the markdown-mode package provides
;; one, and without it a stand-in keeps .md files apart from plain text.
(unless (fboundp 'markdown-mode)
  (define-derived-mode markdown-mode text-mode "Markdown" "Stand-in for the markdown-mode package.")
  (add-to-list 'auto-mode-alist '("\\.md\\'" . markdown-mode)))
(with-eval-after-load 'eglot
  (add-to-list 'eglot-server-programs
               `(((markdown-mode :language-id "markdown")
                  (mhtml-mode :language-id "html")
                  (text-mode :language-id "plaintext"))
                 . ,(append (json-read-from-string (getenv "KLAR_SERVER_CMD")) nil))))
(add-hook 'text-mode-hook #'eglot-ensure)
;; Settings in the plist form docs/editors.md shows for .dir-locals.el.
(when (getenv "KLAR_SETTINGS")
  (setq-default eglot-workspace-configuration
                (let ((json-object-type 'plist) (json-key-type 'keyword))
                  (json-read-from-string (getenv "KLAR_SETTINGS")))))

(defun klar-driver--pause ()
  "Run the idle timers a pause in typing would; batch Emacs is never idle.
eglot sends the edit to the server from such a timer."
  (dolist (timer (copy-sequence timer-idle-list))
    (timer-event-handler timer)))

(defun klar-driver--diagnostics ()
  "klar's Flymake diagnostics in the current buffer, ordered by place."
  (sort (cl-remove-if-not
         (lambda (d) (equal (plist-get (alist-get 'eglot-lsp-diag (eglot--diag-data d)) :source) "klar"))
         (flymake-diagnostics))
        (lambda (a b) (< (flymake-diagnostic-beg a) (flymake-diagnostic-beg b)))))

(defun klar-driver--column (pos)
  "1-based column of POS in characters, as Emacs counts them."
  (save-excursion (goto-char pos) (1+ (- pos (line-beginning-position)))))

(defun klar-driver--describe (diag)
  (let ((lsp (alist-get 'eglot-lsp-diag (eglot--diag-data diag)))
        (beg (flymake-diagnostic-beg diag))
        (end (flymake-diagnostic-end diag)))
    `((source . ,(plist-get lsp :source))
      (code . ,(plist-get lsp :code))
      (severity . ,(symbol-name (flymake-diagnostic-type diag)))
      (message . ,(plist-get lsp :message))
      (shown . ,(flymake-diagnostic-text diag))
      (line . ,(line-number-at-pos beg))
      (column . ,(klar-driver--column beg))
      (endLine . ,(line-number-at-pos end))
      (endColumn . ,(klar-driver--column end))
      (text . ,(buffer-substring-no-properties beg end)))))

(defun klar-driver--apply-preferred-fix (diag)
  "Point on DIAG, M-x eglot-code-actions, RET on the offered default."
  (goto-char (flymake-diagnostic-beg diag))
  (let ((last-nonmenu-event ?\r)          ; invoked from the keyboard: a prompt, not a popup
        (eglot-confirm-server-initiated-edits nil))
    (cl-letf (((symbol-function 'completing-read)
               (lambda (_prompt collection &optional _pred _req _init _hist default &rest _)
                 (klar-driver--set 'actions (vconcat (mapcar #'car collection)))
                 (klar-driver--set 'preferred
                                   (car (cl-find-if (lambda (item) (eq (plist-get (cdr item) :isPreferred) t))
                                                    collection)))
                 default)))
      (condition-case err
          (call-interactively #'eglot-code-actions)
        (error (klar-driver--set 'actionError (error-message-string err))))))
  (unless (alist-get 'actions klar-driver--result) (klar-driver--set 'actions []))
  (klar-driver--set 'after (buffer-substring-no-properties (point-min) (point-max))))

(defun klar-driver--main ()
  (find-file klar-driver--file)
  ;; The command loop would run this after C-x C-f; eglot-ensure connects then.
  (run-hooks 'post-command-hook)
  (klar-driver--set 'mode (symbol-name major-mode))
  (unless (klar-driver--wait-until (lambda () (bound-and-true-p eglot--managed-mode)))
    (klar-driver--finish "eglot did not connect to the server"))
  (let ((typed (getenv "KLAR_TYPE"))
        (target (getenv "KLAR_TARGET")))
    (if typed
        (progn
          (unless (klar-driver--wait-until (lambda () klar-driver--publishes))
            (klar-driver--finish "the server published nothing for the document"))
          (klar-driver--set 'firstPublish
                            (vconcat (cl-remove-if-not (lambda (d) (equal (plist-get d :source) "klar"))
                                                       (car (last klar-driver--publishes)))))
          (goto-char (point-max))
          (insert typed "\n")
          (klar-driver--pause)
          (klar-driver--wait-until #'klar-driver--diagnostics)
          (klar-driver--set 'diagnostics (vconcat (mapcar #'klar-driver--describe (klar-driver--diagnostics))))
          (klar-driver--set 'after (buffer-substring-no-properties (point-min) (point-max)))
          (klar-driver--finish nil))
      (unless (klar-driver--wait-until #'klar-driver--diagnostics)
        (klar-driver--set 'diagnostics [])
        (klar-driver--finish "no klar diagnostics arrived"))
      (let* ((diags (klar-driver--diagnostics))
             (code (and target (string-match "\\`\\(.+\\)@\\([0-9]+\\)\\'" target) (match-string 1 target)))
             (line (and code (string-to-number (match-string 2 target))))
             (diag (cl-find-if (lambda (d)
                                 (let ((lsp (alist-get 'eglot-lsp-diag (eglot--diag-data d))))
                                   (and (equal (plist-get lsp :code) code)
                                        (= (line-number-at-pos (flymake-diagnostic-beg d)) line))))
                               diags)))
        (klar-driver--set 'diagnostics (vconcat (mapcar #'klar-driver--describe diags)))
        (unless diag (klar-driver--finish (format "no diagnostic %s to fix" target)))
        (klar-driver--apply-preferred-fix diag)
        (klar-driver--finish nil)))))

(condition-case err
    (klar-driver--main)
  (error (klar-driver--finish (format "driver error: %s" (error-message-string err)))))

;;; emacs-driver.el ends here
