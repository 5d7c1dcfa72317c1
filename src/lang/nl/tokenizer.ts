/**
 * Dutch tokenizer rules (UD Dutch Alpino conventions): hyphenated words and possessives
 * (`Rabo's`) stay whole, `'s`, `'t` and `'n` are tokens, `,,` (a low opening quote) is one
 * token. Abbreviations: spaCy's Dutch exceptions (MIT), the shorter ones.
 */
import { apostropheForms, spacedRules, words } from '../define.js';

/** Abbreviations kept whole with their period. */
export const NL_ABBREVIATIONS: readonly string[] = Object.freeze(words(`
2d. 3e. a.2d. a.a. a.a.j.b. a.f.t. a.g.j.b. a.h.v. a.h.w. a.hosp. a.i. a.j.b. a.j.t. a.m. a.m.r. a.p.m. a.p.r.
a.p.t. a.s. a.t.d.f. a.u.b. a.v.a. a.w. aanbev. aant. aanv.st. aanw. aanw.vnw. abd. abm. abs. acc.act. achterv.
act.dr. act.fisc. act.soc. adm.akk. adm.besl. adm.lex. adm.ov. adv. adv.bl. afd. afl. agr. al. alg. amén. ann.dr.
ann.not. ann.parl. app. arb. arbbl. arbh. arbrb. arr. arr.cass. arrondrb. art. artw. aud. b. b.&w. b.a. b.a.s.
b.b.o. b.br.ex. b.dep. b.e.b. b.f.r. b.i.h. b.j. b.l. b.o.z. b.prov.r. b.r.h. b.s. b.sr. b.stb. b.t.i.r. b.t.s.z.
b.v. b.versl. b.vl.ex. b.w. b.z.d.g. b.z.v. bab. bedr.org. begins. bel. bel.w.p. belg. ber. ber.w. besch. besl.
beslagr. best. bet. betr. bevest. bew. bijbl. bijl. bijv. bijw. bin.b. bkh. bl. blz. bm. bn. bnw. bouwr. br.parl.
bs. bull. bull.ass. bull.bel. bull.bmm. bull.cbn. bull.cnc. bull.feb. bull.ium. bull.off. bull.us. bull.vbo. bv. bw.
bxh. byz. c. c.a. c.a.-a. c.a.b.g. c.c. c.c.i. c.c.s. c.d.e. c.d.p.k. c.e. c.ex. c.f. c.h.a. c.i.f. c.j. c.l. c.n.
c.o.d. c.p. c.pr.civ. c.q. c.r. c.r.a. c.s. c.s.a. c.s.q.n. c.v. c.v.a. c.v.o. ca. cadeaust. cal. cap. carg. cas.
cass. cert. cf. ch. chr. chron. cie. cir. circ. circ.z. cit. cit.loc. civ. cl.et.b. cmt. co. coll. colp.w. com.
comm. comm.erf. comm.fin. comm.ger. comm.pub. comm.v. comp. compt.w. con.m. concl. concr. conf. confl.w. cons. conv.
corr. corr.bl. coöp. cridon. crim. crt. cur. curs. d. d.-g. d.a. d.a.v. d.b.f. d.c. d.c.c.r. d.d. d.d.p. d.e.t.
d.gem.r. d.h. d.h.z. d.i. d.i.t. d.j. d.l.r. d.m. d.m.v. d.o.v. d.parl. d.w.z. dact. dat. dbesch. dbesl. dec. decr.
decr.d. decr.fr. decr.vl. decr.w. deelw. def. dep.opv. dep.rtl. derg. desp. det.mag. dez. dgl. dhr. disp. diss. div.
div.act. div.bel. dl. dln. dnotz. doc. doc.parl. doctr. dpl. dpl.besl. dr. dr.circ. dr.mr. dr.q.m. drs. ds. dtp.
dwz. dyn. e&o.e. e. e.a. e.b. e.c. e.c.a. e.d. e.e. e.e.a. e.e.g. e.g. e.g.a. e.h.a. e.i. e.j. e.m.a. e.n.a.c. e.o.
e.p.c. e.r.c. e.r.f. e.r.h. e.r.o. e.r.p. e.r.v. e.s.r.a. e.s.t. e.v. e.v.a. e.w. ec.pol.r. econ. ed(s). ed. eff.
eig. eig.mag. eil. elektr. enmb. enz. err. etc. etq. eur. eur.t.s. ev. evt. ex. ex.crim. exec. f. f.a.o. f.a.q.
f.a.s. f.i.b. f.j.f. f.o.b. f.o.r. f.o.s. f.o.t. f.r. f.supp. f.suppl. fa. facs. fasc. fg. fid.ber. fig. fin. fisc.
fisc.act. fl. form. foro. fr. fr.gem.r. fr.parl. fra. ft. g. g.a. g.a.v. g.a.w.v. g.g.d. g.m.t. g.o. g.omt.e. g.p.
g.s. g.v. g.w.w. geb. gebr. gebrs. gec. gec.decr. ged. ged.st. gedipl. gedr.st. geh. gem. gem.comm. gem.st.
gem.stem. gem.w. gemeent. gen. geol. geopp. gepubl. ger.w. gerekw. gereq. gesch. get. getr. gev.m. gew. ghert. gk.
gr. gramm. grat.w. grondw. grootb.w. grs. grvm. grw. gst. gw. h.a. h.a.v.o. h.b.o. h.e.a.o. h.e.g.a. h.e.geb. h.l.
h.m. h.o. h.r. h.t.l. h.t.m. h.w.geb. hand. handv. hc. herald. hert. herz. hfdst. hfst. hgrw. hhr. hist. hooggel.
hoogl. hosp. hpw. hr. hr.ms. hregw. hrg. hst. huisv.w. huurbl. hv.vn. hw. hyp.w. i.b.s. i.c. i.c.m.h. i.e. i.f.
i.f.p. i.g.v. i.h. i.h.a. i.h.b. i.l.pr. i.o. i.p.o. i.p.r. i.p.v. i.pl.v. i.r.d.i. i.s.m. i.t.t. i.v. i.v.m. i.v.s.
i.w.tr. i.z. ib. ibid. iem. inc. ind. indiv. inf. inf.idac. ing. ing.cons. inst. int. interm. inv. inv.w. inv.wet.
invord.w. inz. ir. irspr. it. iwtr. j. j.-cl. j.c.b. j.c.e. j.c.fl. j.c.j. j.c.p. j.d.e. j.d.f. j.d.s.c. j.j.d.
j.j.p. j.j.pol. j.l. j.l.m.b. j.l.o. j.p.a. j.r.s. j.t. j.t.d.e. j.t.o. j.t.t. jaarl. jb.hand. jb.kred. jb.l.r.b.
jb.lrb. jb.markt. jb.mens. jb.t.r.d. jb.trd. jeugdrb. jg. jhr. jis. jl. jr. jrg. jur. jur.fpe. jur.niv. jurambt.
jv.cass. jv.h.r.j. jv.hrj. jw. k. k.b. k.g. k.k. k.m.b.o. k.o.o. k.v.k. k.v.v.v. kaderb. kador. kbo-nr. kg. kh.
kiesw. kkr. kon. koopv. kr. krankz.w. ksbel. kt. ktg. ktr. kvdm. kw.r. kymr. kzr. kzw. l. l.b. l.b.o. l.bas. l.c.
l.gew. l.j. l.k. l.l. l.o. l.p. l.r.b. l.u.v.i. l.v.r. l.v.w. l.w. landscrt. lat. law.ed. lett. lgrs. lidw. lit.
litt. liw. liwet. lk. ll. loonw. losbl. ltd. luchtv. luchtv.w. m. m.a.v.o. m.a.w. m.b. m.b.o. m.b.r. m.b.t. m.d.g.o.
m.e.a.o. m.e.r. m.h. m.h.d. m.i.v. m.j.t. m.k. m.m. m.m.a. m.m.h.h. m.m.v. m.n. m.nt. m.o. m.r. m.s.a. m.u.p. m.v.a.
m.v.h.n. m.v.t. m.z. maced. mand. max. mbl.not. me. med. med.bufr. med.vbo. meerv. meetbr.w. mej. mevr. mgr. mgrs.
mhd. mil. mil.bed. mil.ger. min. mitt. mln. mnd. mod. mon. mr. ms. muz. mv. mém.adm. n. n.a. n.a.g. n.a.v. n.b. n.c.
n.chr. n.d. n.d.r. n.e.a. n.g. n.h.b.c. n.j. n.j.b. n.j.w. n.l. n.m. n.m.m. n.n. n.n.b. n.n.g. n.n.k. n.o.m.
n.o.t.k. n.rapp. n.v. n.v.d.r. n.v.d.v. n.v.h. n.v.o.b. n.v.t. nat.omb. nat.pers. ned. nhd. nl. nnd. no. not. not.w.
not.wet. nr. nrs. nste. nt. numism. o. o.a. o.b. o.c. o.g. o.g.v. o.i. o.i.d. o.m. o.o. o.o.d. o.o.v. o.p. o.r.
o.regl. o.s. o.t.s. o.t.t. o.t.t.t. o.t.t.z. o.tk.t. o.v.t. o.v.t.t. o.v.tk.t. o.v.v. ob. obsv. octr. oe. off.pol.
ofra. ohd. omb. omnil. omz. on.ww. onderr. onfrank. onteig.w. ontw. onuitg. onz. oorl.w. op.cit. opin.pa. opm. or.
ord.br. ord.gem. ors. orth. os. osm. ov. ov.w.i. ov.w.ii. ov.ww. overg.w. overw. ovkst. oz. p. p.a. p.a.o. p.b.o.
p.e. p.g. p.j. p.m. p.m.a. p.o. p.o.j.t. p.p. p.v. p.v.s. pachtw. pag. pan. pand.b. pand.pér. parl. parl.st.
part.arb. pas. pasin. pat. pb.c. pb.l. pct. pens. pers. pft. pk. pktg. plv. po. pol. pol.off. pol.r. pol.w. postw.
pp. pr. preadv. pres. prf. prft. prg. prijz.w. proc. prof. prot. prov. prov.b. prov.w. publ. pun. pw. q.b.d. q.e.d.
q.q. q.r. r. r.a.b.g. r.a.c.e. r.a.j.b. r.b.d.c. r.b.d.i. r.b.s.s. r.c. r.c.b. r.c.d.c. r.c.j.b. r.c.s.j. r.cass.
r.d.c. r.d.i. r.d.j.b. r.d.j.p. r.d.p.c. r.d.s. r.d.t.i. r.e. r.g.a.r. r.g.c.f. r.g.d.c. r.g.f. r.g.z. r.h.a. r.i.c.
r.i.d.a. r.i.e.j. r.i.n. r.i.s.a. r.j.d.a. r.j.i. r.k. r.l. r.l.g.b. r.med. r.n.b. r.o. r.ov. r.p. r.p.d.b. r.p.o.t.
r.p.r.j. r.p.s. r.r.d. r.r.s. r.s. r.s.v.p. r.stvb. r.t.d.f. r.t.d.h. r.t.l. r.v.a. r.v.k. r.verkb. r.w. r.w.d.
rapp. rb. rb.kh. rdn. rdnr. re.pers. rec. rec.cij. rec.cjce. rechtsh. recl.reg. rect. red. reg. reg.w. regl.
regl.r.t. rep. rep.r.j. rep.rj. req. res. resp. rev. rev.adm. rev.comm. rev.dr.b. rev.exp. rev.fisc. rev.gd.
rev.ipc. rev.rec. rev.rw. rev.trav. rev.urb. rh. richtl. rk. rln. roln. rom. rondz. rov. rprt. rtl. rubr. rv.verdr.
rvkb. rép.fisc. rép.not. s. s.a. s.b.n. s.ct. s.d. s.e.c. s.e.et.o. s.e.w. s.hrg. s.j.b. s.l. s.l.e.a. s.l.n.d.
s.p.a. s.s. s.t. s.t.b. s.v. s.v.p. samenw. sc. sch. sec. secr.gen. sect.soc. sess. sir. soc. soc.act. soc.best.
soc.kron. soc.r. soc.sw. soc.weg. sofi-nr. somm. somm.ann. sp.c.c. sr. ss. st. st.vw. stagever. stas. stat. stb.
stbl. stcrt. strafz. su. subs. subst. succ.w. suppl. sv. sw. t. t.a. t.a.a. t.a.n. t.a.p. t.a.s.n. t.a.v. t.a.v.w.
t.aann. t.acc. t.agr.r. t.app. t.b.b.r. t.b.h. t.b.m. t.b.o. t.b.p. t.b.r. t.b.s. t.b.v. t.bankw. t.desk. t.e.m.
t.e.p. t.f.r. t.fam. t.fin.r. t.g.r. t.g.t. t.g.v. t.gem. t.gez. t.huur. t.i.n. t.j.k. t.l.l. t.l.v. t.m. t.m.r.
t.m.w. t.mil.r. t.not. t.o. t.o.r.b. t.o.v. t.ontv. t.p.r. t.pol. t.r. t.r.g. t.r.o.s. t.r.v. t.s.r. t.strafr. t.t.
t.u. t.v.c. t.v.g. t.v.m.r. t.v.o. t.v.v. t.v.w. t.verz. t.vred. t.vreemd. t.w. t.w.k. t.w.v. t.w.v.r. t.wrr. t.z.
t.z.t. t.z.v. taalk. td. techn. tek.mod. telecomm. th. tijdschr. toel. toep. tom. top. trans.b. transp.r. trb. trib.
trib.civ. trim. ts. tvpol. tvpr. tw. u. u.a. u.a.r. u.a.v. u.c. u.c.c. u.g. u.p. u.s. u.s.d.c. uitdr. uitl.w.
uitv.reg. univ. v. v.C. v.Chr. v.a. v.a.v. v.b.o. v.c. v.chr. v.d. v.h. v.i. v.i.o. v.j. v.k.a. v.m. v.o.f. v.o.n.
v.p. v.r. v.s.o. v.t.t. v.t.t.t. v.tk.t. v.v.b. v.v.g. v.v.t. v.v.t.t. v.v.tk.t. v.w.b. v.z.m. vb. vb.bo. vbb. vc.
vd. veldw. ver. ver.k. verbr. verd. verdr. verdr.v. verenw. verg. verkl. verl. vern. verord. vers.r. versch. vert.
verv. verw. verz. verz.w. vgl. vid. viss.w. vl.parl. vl.r. vl.t.gez. vl.w.reg. vlg. vn. vnl. vnw. vo. vo.bl. voegw.
vol. volg. volt. voorl. voorz. vord.w. vorst.d. vr. vred. vrg. vrijgrs. vs. vt. vw. vz. vzngr. vzr. w. w.a. w.b.r.
w.c.h. w.f.r. w.g. w.gew.r. w.kh. w.l.r. w.l.v. w.n. w.o. w.o.d.k. w.parl. w.r. w.reg. w.succ. w.u.b. w.v. w.v.k.
w.v.m.s. w.v.r. w.v.w. w.venn. wac. wd. wetb. wgb. wisk. wnd. won.w. woningw. woonr.w. wrr. wrr.ber. wrsch. ws.
wsch. wsr. wtvb. ww. x.d. z.a. z.g. z.i. z.j. z.o.z. z.p. z.s.m. zg. zgn. zn. znw. zr. zr.ms.
`));

/** The Dutch rules. */
export const NL_RULES = spacedRules({
  abbreviations: NL_ABBREVIATIONS,
  prefixes: [',,'],
  specialCases: Object.fromEntries(apostropheForms(words("'s 't 'n")).map((w) => [w, [w]])),
});
