# 2025-06-01 09:00:00 by RouterOS 7.16
# software id = MH11-MH22
#
# model = L009UiGS-2HaxD
/interface bridge
add name=bridge vlan-filtering=yes
/interface vlan
add interface=bridge name=v10 vlan-id=10
add interface=bridge name=v40 vlan-id=40
add interface=bridge name=v99 vlan-id=99
/interface list
add name=WAN
add name=LAN
/interface bridge port
add bridge=bridge interface=ether2 pvid=10
add bridge=bridge interface=ether3 pvid=10
add bridge=bridge interface=ether4 pvid=40
add bridge=bridge interface=ether7 pvid=99
/interface bridge vlan
add bridge=bridge tagged=bridge untagged=ether2,ether3 vlan-ids=10
add bridge=bridge tagged=bridge untagged=ether4 vlan-ids=40
add bridge=bridge tagged=bridge untagged=ether7 vlan-ids=99
/interface list member
add interface=ether1 list=WAN
add interface=v10 list=LAN
add interface=v99 list=LAN
/ip address
add address=10.70.10.1/24 interface=v10 network=10.70.10.0
add address=10.70.40.1/24 interface=v40 network=10.70.40.0
add address=10.70.99.1/24 interface=v99 network=10.70.99.0
add address=14.160.5.10/29 interface=ether1 network=14.160.5.8
/ip dns
set allow-remote-requests=yes servers=8.8.8.8
/ip firewall address-list
add address=10.70.10.20 comment="may in tang 1" list=mayin
/ip firewall filter
add action=accept chain=input comment="accept established" connection-state=established,related
add action=accept chain=input comment="Winbox tu xa" dst-port=8291 protocol=tcp
add action=accept chain=input comment="DNS cho khach" dst-port=53 in-interface=v40 protocol=udp
add action=accept chain=input comment="DHCP" dst-port=67 protocol=udp
add action=accept chain=input in-interface-list=LAN
add action=drop chain=input comment="drop all"
add action=accept chain=forward connection-state=established,related
add action=drop chain=forward connection-state=invalid
add action=accept chain=forward comment="Khach in tai lieu" dst-address-list=mayin in-interface=v40
add action=accept chain=forward comment="Khach ra Internet" in-interface=v40 out-interface-list=WAN
add action=drop chain=forward comment="Khach: chan" in-interface=v40
add action=drop chain=forward comment="WAN vao" in-interface-list=WAN connection-nat-state=!dstnat
/ip firewall nat
add action=masquerade chain=srcnat out-interface-list=WAN
/ip route
add dst-address=0.0.0.0/0 gateway=14.160.5.9
/ip service
set telnet disabled=yes
set ftp disabled=yes
set api disabled=yes
set api-ssl disabled=yes
/system identity
set name=MyHoa-GW
