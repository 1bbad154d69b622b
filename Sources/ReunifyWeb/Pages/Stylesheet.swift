/// The one stylesheet, carried in the binary. Plain, high-contrast, readable on a phone.
enum Stylesheet {
    static let css = """
    *,*::before,*::after{box-sizing:border-box}
    html{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;font-size:17px;line-height:1.5;color:#0b0c0c;background:#f3f2f1}
    body{margin:0}
    a{color:#1d4f91}a:visited{color:#4c2c92}a:hover{color:#003078}
    a:focus,button:focus,input:focus,select:focus,textarea:focus{outline:3px solid #ffbf47;outline-offset:0;box-shadow:inset 0 0 0 2px #0b0c0c}
    .wrap{max-width:1100px;margin:0 auto;padding:0 16px}
    .skip-link{position:absolute;left:-9999px}.skip-link:focus{left:8px;top:8px;background:#ffbf47;padding:8px;z-index:10}
    .site-header{background:#0b3d5c;color:#fff;padding:10px 0}
    .site-header .wrap{display:flex;flex-wrap:wrap;align-items:center;gap:16px;justify-content:space-between}
    .brand{color:#fff;font-weight:700;font-size:1.3rem;text-decoration:none}.brand:visited{color:#fff}
    .site-header nav{display:flex;flex-wrap:wrap;gap:14px;align-items:center}
    .site-header nav a,.site-header .link-button{color:#fff}
    .who{opacity:.85;font-size:.9rem}
    main{background:#fff;padding:20px 16px 32px;min-height:60vh}
    .site-footer{font-size:.85rem;color:#505a5f;padding:16px}
    h1{font-size:1.9rem;margin:.2em 0 .6em}h2{font-size:1.35rem;margin:1.4em 0 .5em}h3{font-size:1.1rem}
    .caption{display:block;font-size:1rem;color:#505a5f;font-weight:400}
    .page-heading,.section-heading{display:flex;flex-wrap:wrap;gap:12px;align-items:center;justify-content:space-between}
    .narrow{max-width:480px}
    .breadcrumbs ol{list-style:none;padding:0;margin:0 0 8px;display:flex;gap:8px;font-size:.9rem}
    .breadcrumbs li+li::before{content:"›";margin-right:8px;color:#505a5f}
    .button{display:inline-block;background:#00703c;color:#fff;border:0;border-bottom:2px solid #002d18;padding:8px 14px;font-size:1rem;cursor:pointer;text-decoration:none;border-radius:0}
    .button:visited{color:#fff}.button.secondary{background:#f3f2f1;color:#0b0c0c;border-bottom-color:#929191}
    .link-button{background:none;border:0;text-decoration:underline;cursor:pointer;font:inherit;padding:0}
    form.inline{display:inline;margin-left:.6em}.link-button.danger{color:#d4351c}
    .field{margin:0 0 20px;border:0;padding:0}
    .field label,.field legend{display:block;font-weight:600;margin-bottom:4px}
    .hint{color:#505a5f;font-size:.92rem;margin-bottom:4px}
    .input{font:inherit;padding:6px 8px;border:2px solid #0b0c0c;width:100%;max-width:34em;background:#fff}
    .w2{max-width:3.6em}.w4{max-width:5.6em}.w10{max-width:14em}
    .date-input{display:flex;gap:12px}.date-part label{font-weight:400}
    .checkbox{display:flex;gap:8px;align-items:flex-start;margin-bottom:6px}.checkbox input{width:22px;height:22px;margin-top:2px}
    .checkbox label{font-weight:400;margin:0}
    .checkbox-grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(280px,1fr));gap:2px 16px}
    .field-error{border-left:5px solid #d4351c;padding-left:12px}
    .field-error .input{border-color:#d4351c}
    .error-message{color:#d4351c;font-weight:700;margin:0 0 6px}
    .error-summary{border:5px solid #d4351c;padding:12px 16px;margin-bottom:24px}
    .error-summary h2{margin-top:0}.error-summary a{color:#d4351c;font-weight:700}
    .conflict{border:5px solid #f47738;padding:12px 16px;margin-bottom:24px}.conflict tr.changed td{background:#fff7bf}
    .actions{display:flex;flex-wrap:wrap;gap:16px;align-items:center;margin-top:12px}
    .table{border-collapse:collapse;width:100%;margin-bottom:16px}
    .table th,.table td{text-align:left;padding:8px 10px 8px 0;border-bottom:1px solid #b1b4b6;vertical-align:top}
    .plain{list-style:none;margin:0;padding:0}
    .tag{display:inline-block;font-size:.8rem;padding:1px 6px;background:#dbe6f2;color:#0b3d5c;margin-left:6px;font-weight:600}
    .tag.warn{background:#fcd6c3;color:#6e3619}
    .overdue{color:#d4351c;font-weight:700}
    .summary-list{display:grid;grid-template-columns:minmax(160px,30%) 1fr;margin:0 0 20px}
    .summary-list dt,.summary-list dd{margin:0;padding:8px 0;border-bottom:1px solid #b1b4b6}
    .summary-list dt{font-weight:600;padding-right:12px}.summary-list dd>a{margin-left:.6em}
    @media (max-width:600px){.summary-list{grid-template-columns:1fr}.summary-list dt{border-bottom:0;padding-bottom:0}}
    .episode{border:1px solid #b1b4b6;padding:8px 16px;margin-bottom:16px}
    .timeline{list-style:none;margin:8px 0;padding:0 0 0 18px;border-left:3px solid #b1b4b6}
    .timeline li{position:relative;margin:0 0 12px;padding-left:8px}
    .timeline li::before{content:"";position:absolute;left:-27px;top:6px;width:14px;height:14px;border-radius:50%;background:#b1b4b6}
    .timeline li.current::before{background:#00703c}
    .timeline .when{font-size:.9rem;color:#505a5f}
    .filters,.search{display:flex;flex-wrap:wrap;gap:8px;align-items:flex-end;margin-bottom:12px}
    .filters .input{width:auto}.search .input{max-width:24em}
    .pagination{display:flex;gap:16px}
    .visually-hidden{position:absolute!important;width:1px;height:1px;margin:0;overflow:hidden;clip:rect(0 0 0 0)}
    .domain{border:1px solid #b1b4b6;padding:8px 16px 4px;margin:0 0 20px}.domain legend{font-weight:700;font-size:1.15rem;padding:0 6px}
    .rating-item{border-top:1px solid #e5e5e5;padding:8px 0}.rating-group{border:0;margin:0;padding:0;min-width:0}.rating-group>legend{display:table;max-width:100%;padding:0}.rating-item.overall{background:#f3f2f1;padding:8px}
    .rating-text{margin:0 0 6px;font-weight:600}
    .scale{display:flex;flex-wrap:wrap;gap:4px 14px}.scale-choice{display:flex;gap:4px;align-items:center;font-size:.92rem}
    .scale-choice input{width:20px;height:20px}
    .rating{display:inline-block;padding:1px 6px;font-size:.85rem;font-weight:600;background:#e5e5e5}
    .rating.r2,.rating.r1{background:#cce2d8;color:#005a30}.rating.rm1{background:#fff7bf;color:#594d00}
    .rating.rm2{background:#fcd6c3;color:#6e3619}.rating.rm3{background:#d4351c;color:#fff}
    .findings{list-style:none;padding:0}.findings li{margin-bottom:6px}
    .compare tr.better td:last-child{color:#005a30;font-weight:700}.compare tr.worse td:last-child{color:#d4351c;font-weight:700}
    .recommendation{border-left:10px solid #1d70b8;background:#f3f2f1;padding:10px 16px;margin:12px 0}
    .recommendation .decision{font-size:1.5rem;font-weight:700;margin:0}
    .r-return_home{border-color:#00703c}.r-change_permanency_goal{border-color:#d4351c}
    .reasons li{margin-bottom:6px}
    .plot{max-width:100%;height:auto;border:1px solid #b1b4b6;background:#fff}
    .existing{padding:6px 0;border-bottom:1px solid #e5e5e5}.existing .input{width:auto;display:inline-block;margin:0 8px}
    @media (max-width:640px){.caseload thead{display:none}.caseload tr{display:block;border-bottom:2px solid #b1b4b6;padding:8px 0}
    .caseload td{display:block;border:0;padding:2px 0}html{font-size:16px}
    .caseload td[data-label]::before{content:attr(data-label) ": ";font-weight:600;color:#505a5f}
    .caseload td[data-label] > div{display:inline}}
    .plan-goal{border-left:6px solid #1d70b8;padding:4px 0 4px 14px;margin:16px 0}.plan-objective{margin:10px 0 10px 8px}
    .family-summary h2{margin-top:24px}.family-summary .goal{font-size:1.2rem}
    @media print{.site-header,.breadcrumbs,form,.button,.no-print,nav{display:none !important}
    body{font-size:12pt;color:#000;background:#fff}a{color:#000;text-decoration:none}main{max-width:none;padding:0}
    .plan-goal{break-inside:avoid}}
    """
}
