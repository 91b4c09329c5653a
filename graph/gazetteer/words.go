package gazetteer

import "strings"

// commonWords are English words (and demonyms) that are capitalised in
// headlines, titles and at the start of names often enough that a lone one
// must never match a place or group by Skeleton ("Homes" is not Homs,
// "Iraqi" is not Iraq). Exact alias matches are not affected.
var commonWords = wordSet(`
a about above across act action after again against age ago agreement aid air aircraft airstrike airstrikes
all allegation allegations allies also am among an and announced another answer answers any april are area areas
army around as at attack attacks august authorities back bad based battle be because been before being below best
between big bill black blood body bomb bombing bombs border both brief briefing but by call called camp can capital
car care case cases cause caused cease ceasefire center centre chemical chief child children city civil civilian
civilians claim claims close come comes command commander committee conflict control could council countries
country court crime crimes crisis damage data day days dead death deaths december defence defense did died
different do does down during each early east eastern effort eight election end enough even event events every
evidence fact far fate february few field fifteen fight fighters fighting final fire first five following for
force forces foreign forty four free friday from front full general get given go good government great group
groups had half hall has have he head health heavy held help her here high him his history home homes hope
hospital hospitals house how human humanitarian i if in including information inside into is it its january
joint july june just justice key killed killing kind land last late later law leader leaders least left less
letter letters life like line little local long made major make man many march mass may mayor me media member
members men might military million minister ministry mission monday month months more morning most much must my
national near need never new news next night nine no none north northern not note now number november october of
off office official officials oil on once one only open operation operations or order other our out over own
part party peace people per percent person plan point police political power president press prime protect
public question raid raids rebel rebels record red refugee refugees region regime release report reported reports
republic rescue residential response responsibility right rights rise river road rocket rockets rule rural
safe said same saturday say school schools second security see september service seven several she shelling
should side siege since six so some someone source sources south southern special spokesman state statement states
still street strike strikes such sunday support syria take talks task ten than that the their them then there
these they third this those three through thursday time to today toll too town truce tuesday twenty two under
union united up us use used very victims village violence want war was water way we wednesday week weeks were
west western what when where which while white who whole why will with within without woman women word work
world would year years yes yesterday you young
syrian syrians russian russians american americans iraqi iraqis iranian iranians turkish turk turks kurdish
kurd kurds british french israeli israelis lebanese jordanian saudi qatari emirati egyptian german chinese
arab arabs arabic damask western eastern islamic islamist islamists muslim muslims christian christians sunni shia
shiite alawite druze palestinian palestinians european anglo
`)

func wordSet(s string) map[string]bool {
	m := make(map[string]bool)
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}
