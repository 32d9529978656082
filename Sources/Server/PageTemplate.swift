/// The web page, in Swedish: plain server-rendered HTML with a little CSS, readable on
/// a phone. Mustache escapes every `{{value}}`, so text from the data cannot inject markup.
enum PageTemplate {
    static let html = """
        <!doctype html>
        <html lang="sv">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Södertörnskommunernas kalendarium</title>
        <style>
        body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; margin: 0; color: #1d2a33; background: #f6f7f4; line-height: 1.45; }
        header { background: #0b5563; color: #fff; padding: 1.2rem 1rem; }
        header h1 { margin: 0; font-size: 1.5rem; }
        header p { margin: .3rem 0 0; opacity: .9; }
        main { max-width: 60rem; margin: 0 auto; padding: 1rem; }
        section { background: #fff; border-radius: .5rem; padding: .8rem 1rem; margin: 0 0 1rem; box-shadow: 0 1px 2px #0002; overflow-x: auto; }
        h2 { font-size: 1.15rem; margin: .2rem 0 .6rem; color: #0b5563; }
        table { border-collapse: collapse; width: 100%; font-size: .95rem; }
        th, td { text-align: left; padding: .35rem .4rem; border-bottom: 1px solid #e3e6e0; vertical-align: top; }
        th { color: #55636c; font-weight: 600; }
        a.button { display: inline-block; background: #0b5563; color: #fff; padding: .2rem .6rem; border-radius: .3rem; text-decoration: none; margin: .1rem 0; }
        a.plain { color: #0b5563; }
        .problem { background: #fff3cd; border-left: .3rem solid #d39e00; }
        .muted { color: #55636c; font-size: .9rem; }
        .tag { font-size: .8rem; background: #eef; border-radius: .2rem; padding: 0 .3rem; }
        @media (max-width: 40rem) { .wide { display: none; } th, td { padding: .3rem .2rem; } }
        </style>
        </head>
        <body>
        <header>
        <h1>Södertörnskommunernas kalendarium</h1>
        <p>Möten i ledningsgruppen och samarbetskommittén, Södertörns konferenser och värdkommuner.</p>
        </header>
        <main>
        {{#hasProblems}}
        <section class="problem" id="problem">
        <h2>Kalenderfilerna har fel</h2>
        <p>Kalendern visar den senaste fungerande versionen tills felen är rättade:</p>
        <ul>{{#problems}}<li>{{.}}</li>{{/problems}}</ul>
        </section>
        {{/hasProblems}}
        {{^hasData}}
        <section class="problem"><h2>Ingen kalenderdata ännu</h2><p>Kalenderfilerna har inte kunnat läsas.</p></section>
        {{/hasData}}

        <section id="prenumerera">
        <h2>Prenumerera på kalendern</h2>
        <table>
        <tr><th>Kalender</th><th class="wide">Innehåll</th><th>Länkar</th></tr>
        {{#feeds}}
        <tr><td>{{title}}</td><td class="wide">{{description}}</td>
        <td><a class="button" href="{{webcal}}">Prenumerera</a> <a class="plain" href="{{http}}">Ladda ner (.ics)</a></td></tr>
        {{/feeds}}
        </table>
        <p class="muted"><strong>Outlook:</strong> Lägg till kalender → Prenumerera från webben (eller Från Internet), klistra in länken.
        <strong>Google Kalender:</strong> Andra kalendrar → + → Från webbadress, klistra in länken.
        <strong>Apple Kalender:</strong> tryck på Prenumerera, eller Arkiv → Ny kalenderprenumeration.
        Högerklicka på Prenumerera och kopiera länken om programmet inte öppnas av sig självt.</p>
        </section>

        <section id="kommande">
        <h2>Kommande möten</h2>
        {{#bodies}}
        <h3>{{name}}</h3>
        {{#hasMeetings}}
        <table>
        {{#meetings}}<tr><td>{{date}}</td><td>{{time}}</td><td>{{what}}</td><td class="wide">{{place}}</td></tr>{{/meetings}}
        </table>
        {{/hasMeetings}}
        {{^hasMeetings}}<p class="muted">Inga inplanerade möten.</p>{{/hasMeetings}}
        {{/bodies}}
        </section>

        <section id="vardkommuner">
        <h2>Värdkommuner de närmaste tio åren</h2>
        <table>
        <tr><th>År</th>{{#conferenceNames}}<th>{{.}}</th>{{/conferenceNames}}</tr>
        {{#rotation}}<tr><td>{{year}}</td>{{#cells}}<td>{{.}}</td>{{/cells}}</tr>{{/rotation}}
        </table>
        </section>

        <section id="avvikelser">
        <h2>Avvikelser i kalenderdata</h2>
        {{#hasWarnings}}
        <table>
        {{#warnings}}<tr><td>{{when}}</td><td>{{subject}}</td><td>{{rule}}</td></tr>{{/warnings}}
        </table>
        {{/hasWarnings}}
        {{^hasWarnings}}<p class="muted">Inga avvikelser från reglerna.</p>{{/hasWarnings}}
        </section>
        <p class="muted">Uppdaterad {{builtAt}}.</p>
        </main>
        </body>
        </html>
        """
}
