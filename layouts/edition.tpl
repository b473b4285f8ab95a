{{%AUTOESCAPE context="HTML"}}{{! One edition of the Journaal. }}<article class="editie">
  <header class="artikel-kop">
    <p class="bovenregel"><a href="{{ROOT}}journaal/">{{NAAM}}</a></p>
    <h1>{{NAAM}}, editie {{NR}}</h1>
    <p class="meta">In {{KRANT}} van <time datetime="{{DATUM_ISO}}">{{DATUM}}</time></p>
    {{#PDF}}<p><a class="knop" href="{{URL}}" download>De krantenpagina als PDF</a></p>{{/PDF}}
  </header>
  {{#VERHAAL}}<section class="blok" aria-labelledby="verhaal-titel">
    <h2 id="verhaal-titel">Het verhaal van deze week</h2>
    <article class="uitgelicht">
      <h3><a href="{{URL}}">{{TITEL}}</a></h3>
      <p>{{SAMENVATTING}}</p>
    </article>
  </section>{{/VERHAAL}}
  <section class="blok" aria-labelledby="deze-week-titel">
    <h2 id="deze-week-titel">Deze week</h2>
    {{>AGENDA}}
  </section>
  {{#REDACTIE}}<section class="blok redactie" aria-labelledby="redactie-titel">
    <h2 id="redactie-titel">Van de redactie</h2>
    <div class="tekst">
{{BODY:none}}
    </div>
  </section>{{/REDACTIE}}
  {{#UITGELICHT}}<section class="blok" aria-labelledby="partner-titel">
    <h2 id="partner-titel">In de schijnwerpers</h2>
    <p><a href="{{URL}}">{{NAAM}}</a></p>
  </section>{{/UITGELICHT}}
</article>
